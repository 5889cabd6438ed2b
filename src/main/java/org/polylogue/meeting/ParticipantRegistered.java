package org.polylogue.meeting;

/** Someone registered for a meeting (or joined its waiting list); published in the registering transaction. */
public record ParticipantRegistered(String meetingId, String registrationId, String accountId,
        RegistrationStatus status) {}
