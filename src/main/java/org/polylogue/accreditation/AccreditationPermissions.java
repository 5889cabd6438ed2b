package org.polylogue.accreditation;

import org.polylogue.process.ProcessPermissions;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.stakeholder.StakeholderGroup;
import org.springframework.stereotype.Component;

/**
 * Who may take which step in the accreditation log: a representative requests for their
 * organisation; a representative of a verified member state objects for it (and withdraws its own
 * objections); the process's secretariat decides. Reading the log is open to everyone.
 */
@Component
public class AccreditationPermissions {

    private final Organizations organizations;
    private final ProcessPermissions processes;

    AccreditationPermissions(Organizations organizations, ProcessPermissions processes) {
        this.organizations = organizations;
        this.processes = processes;
    }

    /** Null when the actor represents the organisation, else why not. */
    public Refusal refuseRequest(Actor actor, String organizationId) {
        return represents(actor, organizationId) ? null : notRepresentative("request accreditation");
    }

    /** Null when the actor may object for the organisation: its representative, a verified member state. */
    public Refusal refuseObjection(Actor actor, OrganizationView organization) {
        if (organization == null || !represents(actor, organization.id())) {
            return notRepresentative("object");
        }
        if (organization.type() != StakeholderGroup.MEMBER_STATE) {
            return Refusal.forbidden("not-member-state", "Only member states can object to a request.");
        }
        if (!organization.verified()
                || organization.verificationMethod() != org.polylogue.stakeholder.VerificationMethod.ADMINISTRATOR) {
            return Refusal.forbidden("member-state-not-verified",
                    "Only member states verified by the platform administrators can object; this one is not.");
        }
        return null;
    }

    /** Null when the actor may withdraw an objection made by the organisation: its representative. */
    public Refusal refuseWithdrawal(Actor actor, String organizationId) {
        return represents(actor, organizationId) ? null : notRepresentative("withdraw its objection");
    }

    /** Whether the actor may object for this organisation, to offer it on the page. */
    public boolean canObjectFor(Actor actor, OrganizationView organization) {
        return refuseObjection(actor, organization) == null;
    }

    /** The secretariat of the process (or an administrator) decides. */
    public boolean canDecide(Actor actor, String processId) {
        return processes.canRun(actor, processId);
    }

    private boolean represents(Actor actor, String organizationId) {
        return actor != null && organizationId != null && organizations.represents(actor.accountId(), organizationId);
    }

    private static Refusal notRepresentative(String what) {
        return Refusal.forbidden("not-representative", "Only a representative of this organisation can " + what + " for it.");
    }
}
