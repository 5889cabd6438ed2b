package org.polylogue.position;

import org.polylogue.account.Accounts;
import org.polylogue.process.ProcessPermissions;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Component;

/**
 * Who may write to the ledger of a process: an organisation's stance is recorded by its own
 * representative or by the process's secretariat; a person records only their own stance; named
 * proposals are managed by the secretariat. Everything in the ledger is public to read. Stances from
 * co-signatures and amendment support are recorded by the platform itself, from events.
 */
@Component
public class PositionPermissions {

    static final Refusal EMAIL_NOT_CONFIRMED = Refusal.forbidden("email-not-confirmed",
            "Confirm your email address before recording stances: open the link we mailed you, or ask for a new one "
                    + "on your account page.");

    private final ProcessPermissions processes;
    private final Organizations organizations;
    private final Accounts accounts;

    PositionPermissions(ProcessPermissions processes, Organizations organizations, Accounts accounts) {
        this.processes = processes;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    /**
     * How the actor may record a stance of the organisation (null: a person for themselves), or a
     * refusal: email not confirmed, or neither its representative nor the secretariat (403).
     */
    public Recording recording(Actor actor, String processId, String organizationId) {
        if (actor == null || !accounts.hasConfirmedEmail(actor.accountId())) {
            return new Recording(null, EMAIL_NOT_CONFIRMED);
        }
        if (organizationId == null) {
            return new Recording(RecordedAs.PERSON, null);
        }
        if (organizations.represents(actor.accountId(), organizationId)) {
            return new Recording(RecordedAs.ORGANIZATION, null);
        }
        if (processes.canRun(actor, processId)) {
            return new Recording(RecordedAs.SECRETARIAT, null);
        }
        return new Recording(null, Refusal.forbidden("not-representative",
                "Only a representative of this organisation or the process's secretariat can record its stance.",
                "actor"));
    }

    /** Either how the stance is labelled, or why it is refused. */
    public record Recording(RecordedAs as, Refusal refusal) {}

    /** The secretariat of the process (and administrators) manage its named proposals. */
    public Refusal refuseProposals(Actor actor, String processId) {
        return processes.canRun(actor, processId) ? null : Refusal.forbidden("not-secretariat",
                "Only the process's secretariat can manage its named proposals.");
    }

    public boolean canManageProposals(Actor actor, String processId) {
        return processes.canRun(actor, processId);
    }

    /** Whether the record form may offer any organisation (the secretariat records for all). */
    public boolean recordsForAnyOrganization(Actor actor, String processId) {
        return processes.canRun(actor, processId);
    }
}
