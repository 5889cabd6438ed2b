/**
 * Moderation that is fair and visible: reports, a queue per process for its moderators, content
 * hidden with a public reason from the process's published rules (never deleted), one review on
 * the author's request, and a public moderation log. Content modules (comments, submissions,
 * statements) take part through the {@link org.polylogue.moderation.ModeratedKind} SPI and ask
 * {@link org.polylogue.moderation.Moderation#hidden} what to replace by a notice.
 */
package org.polylogue.moderation;
