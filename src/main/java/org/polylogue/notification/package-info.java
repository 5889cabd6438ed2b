/** Outgoing mail: SMTP when configured, otherwise a development mailbox anyone can read locally. */
package org.polylogue.notification;
