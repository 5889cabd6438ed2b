package org.polylogue.meeting;

/** A place became free and the first person on the waiting list got it. */
public record ParticipantPromoted(String meetingId, String registrationId, String accountId) {}
