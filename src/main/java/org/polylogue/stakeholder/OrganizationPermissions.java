package org.polylogue.stakeholder;

import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.internal.OrganizationRepository;
import org.springframework.stereotype.Component;

/**
 * Who may do what to an organisation: its representatives speak for it, manage its members and
 * claim its mail domain; a platform administrator verifies it and records its ECOSOC status; any
 * member may leave.
 */
@Component
public class OrganizationPermissions {

    private final OrganizationRepository repository;

    OrganizationPermissions(OrganizationRepository repository) {
        this.repository = repository;
    }

    public boolean represents(Actor actor, String organizationId) {
        return actor != null && repository.role(organizationId, actor.accountId())
                .filter(role -> role == MemberRole.REPRESENTATIVE).isPresent();
    }

    /** Adding, promoting, demoting and removing members: its representatives, or an administrator. */
    public boolean canManageMembers(Actor actor, String organizationId) {
        return actor != null && (actor.administrator() || represents(actor, organizationId));
    }

    /** Claiming the organisation's mail domain: its representatives only. */
    public boolean canClaimDomain(Actor actor, String organizationId) {
        return represents(actor, organizationId);
    }

    /** Verifying with a reason, revoking a verification, recording ECOSOC status: administrators only. */
    public boolean canVerify(Actor actor) {
        return actor != null && actor.administrator();
    }
}
