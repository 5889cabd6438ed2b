package org.polylogue.meeting;

/** What kind of meeting it is. */
public enum MeetingKind {
    FORMAL_SESSION,
    INFORMAL_CONSULTATION,
    ROUNDTABLE,
    PANEL,
    WEBINAR
}
