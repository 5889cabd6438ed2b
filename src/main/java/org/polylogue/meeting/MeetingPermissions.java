package org.polylogue.meeting;

import org.polylogue.account.Accounts;
import org.polylogue.process.ProcessPermissions;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Component;

/**
 * Who may do what with meetings: the secretariat of the meeting's process (or an administrator;
 * only an administrator for a meeting standing alone) schedules, changes, cancels and chairs it;
 * signed-in people with a confirmed email register, for themselves or an organisation they
 * represent; registered participants request the floor. Everything else is public.
 */
@Component
public class MeetingPermissions {

    static final Refusal EMAIL_NOT_CONFIRMED = Refusal.forbidden("email-not-confirmed",
            "Confirm your email address before registering for meetings: open the link we mailed you, or ask for a "
                    + "new one on your account page.");

    static final Refusal NOT_CHAIR = Refusal.forbidden("not-secretariat",
            "Only the secretariat of the meeting's process (or an administrator) can do this.");

    private final ProcessPermissions processPermissions;
    private final Organizations organizations;
    private final Accounts accounts;

    MeetingPermissions(ProcessPermissions processPermissions, Organizations organizations, Accounts accounts) {
        this.processPermissions = processPermissions;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    /** Schedule, change, cancel the meeting and order its speakers list. */
    public boolean canChair(Actor actor, MeetingView meeting) {
        if (actor == null) {
            return false;
        }
        return meeting.processId() == null ? actor.administrator() : processPermissions.canRun(actor, meeting.processId());
    }

    public boolean hasConfirmedEmail(Actor actor) {
        return actor != null && accounts.hasConfirmedEmail(actor.accountId());
    }

    /** Null when the actor may act for the organisation (absent: for themselves). */
    Refusal refuseOrganization(Actor actor, String organizationId) {
        if (organizationId == null) {
            return null;
        }
        if (organizations.find(organizationId).isEmpty()) {
            return Refusal.invalid("organizationId", "no organisation with this id");
        }
        if (!organizations.represents(actor.accountId(), organizationId)) {
            return Refusal.forbidden("not-representative", "You do not represent this organisation.", "organizationId");
        }
        return null;
    }
}
