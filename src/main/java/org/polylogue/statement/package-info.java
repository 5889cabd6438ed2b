/**
 * Joint statements: a representative drafts a text for a lead organisation, invites others, and
 * verified organisations sign it publicly (withdrawals stay listed, dated) until the lead closes
 * signing and the text is frozen.
 */
package org.polylogue.statement;
