/**
 * Amendments to a consultation's draft (replace, insert after, delete a paragraph), supports from
 * other organisations, the secretariat's dispositions of amendments and comments, and the public
 * "you said, we did" trail. Sits above process, contribution and drafting (docs/adr/005).
 */
package org.polylogue.amendment;
