/** People and how they sign in: registration, passwords, sessions, API tokens, the administrator. */
package org.polylogue.account;
