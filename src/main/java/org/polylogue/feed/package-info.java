/**
 * Atom feeds (Rome) under {@code /feeds/...}: new consultations, new comments on a consultation, joint
 * statements open for signing or closed, and an organisation's contributions. Links are absolute
 * ({@code polylogue.public-url}); authors are public names (pseudonyms stay pseudonyms) or
 * organisation names; hidden (moderated) items are left out.
 */
package org.polylogue.feed;
