package org.polylogue.transcript;

import org.polylogue.meeting.MeetingView;
import org.polylogue.process.ProcessPermissions;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may do what with transcripts, the module's one policy: a meeting's transcript is imported and
 * its speakers linked by the process's secretariat (or an administrator); for a meeting standing
 * alone, by an administrator. Everyone may read transcripts.
 */
@Component
public class TranscriptPermissions {

    private final ProcessPermissions processPermissions;

    TranscriptPermissions(ProcessPermissions processPermissions) {
        this.processPermissions = processPermissions;
    }

    public boolean canManage(Actor actor, MeetingView meeting) {
        if (actor == null) {
            return false;
        }
        return meeting.processId() == null ? actor.administrator() : processPermissions.canRun(actor, meeting.processId());
    }
}
