package org.polylogue.transcript.internal;

import java.util.List;
import org.polylogue.meeting.MeetingView;
import org.springframework.stereotype.Component;

/**
 * The people registered for a meeting, for speaker suggestions. The meeting module's registrations are
 * built in parallel with this module: until they are wired here this answers nobody, and suggestions
 * come from name similarity alone.
 */
@Component
public class RegisteredParticipantsHook {

    /** A registered participant: the person and the organisation they registered for (either may be null). */
    public record Participant(String accountId, String organizationId) {}

    /** MERGE: answer the meeting's registered participants (the meeting module's participants method). */
    public List<Participant> of(MeetingView meeting) {
        return List.of();
    }
}
