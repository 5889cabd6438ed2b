/**
 * The audit log: security-relevant events from every module (sign-ins and failures, role and
 * verification changes, token use), readable by platform administrators and kept for a configured
 * time. No IP address is recorded.
 */
package org.polylogue.audit;
