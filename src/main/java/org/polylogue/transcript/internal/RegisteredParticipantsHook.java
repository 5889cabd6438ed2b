package org.polylogue.transcript.internal;

import java.util.List;
import org.polylogue.meeting.MeetingView;
import org.polylogue.meeting.Meetings;
import org.springframework.stereotype.Component;

/** The people registered for a meeting (confirmed places, not the waiting list), for speaker suggestions. */
@Component
public class RegisteredParticipantsHook {

    /** A registered participant: the person and the organisation they registered for (either may be null). */
    public record Participant(String accountId, String organizationId) {}

    private final Meetings meetings;

    RegisteredParticipantsHook(Meetings meetings) {
        this.meetings = meetings;
    }

    public List<Participant> of(MeetingView meeting) {
        return meetings.participants(meeting.id()).stream()
                .map(p -> new Participant(p.accountId(), p.organizationId())).toList();
    }
}
