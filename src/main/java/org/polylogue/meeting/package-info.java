/**
 * Meetings of a process (or standing alone): registration with capacity and a waiting list,
 * calendars, the speakers list, and imported transcripts whose turns become searchable statements.
 */
package org.polylogue.meeting;
