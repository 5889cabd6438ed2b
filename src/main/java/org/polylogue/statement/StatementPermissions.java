package org.polylogue.statement;

import org.polylogue.account.Accounts;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a statement: representatives of the lead organisation draft, edit, invite,
 * open and close; a representative of a verified organisation signs for it and withdraws its
 * signature; drafts are seen only by the lead's representatives and administrators (and through
 * the join link); everything else is public.
 */
@Component
public class StatementPermissions {

    static final Refusal EMAIL_NOT_CONFIRMED = Refusal.forbidden("email-not-confirmed",
            "Confirm your email address before drafting or signing statements: open the link we mailed you, or ask for "
                    + "a new one on your account page.");

    private final Organizations organizations;
    private final Accounts accounts;

    StatementPermissions(Organizations organizations, Accounts accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    public boolean hasConfirmedEmail(Actor actor) {
        return actor != null && accounts.hasConfirmedEmail(actor.accountId());
    }

    /** Null when the actor may speak for the lead organisation of a statement (draft, edit, invite, open, close). */
    public Refusal refuseLead(Actor actor, String leadOrganizationId) {
        if (!represents(actor, leadOrganizationId)) {
            return Refusal.forbidden("not-lead", "Only a representative of the lead organisation can do this.");
        }
        return null;
    }

    /** Null when the actor may sign (or withdraw) for the organisation: its representative, and it is verified. */
    public Refusal refuseSignature(Actor actor, OrganizationView organization) {
        if (organization == null || !represents(actor, organization.id())) {
            return Refusal.forbidden("not-representative",
                    "Only a representative of this organisation can sign for it.", "organizationId");
        }
        if (!organization.verified()) {
            return Refusal.forbidden("not-verified",
                    "Only verified organisations can sign statements; this organisation is not verified yet.",
                    "organizationId");
        }
        return null;
    }

    /** Null when the actor may withdraw the organisation's signature: its representative. */
    public Refusal refuseWithdrawal(Actor actor, String organizationId) {
        return represents(actor, organizationId) ? null : Refusal.forbidden("not-representative",
                "Only a representative of this organisation can withdraw its signature.");
    }

    /** Drafts are for the lead's representatives (and administrators); open and closed statements are public. */
    public boolean canSee(Actor actor, StatementStatus status, String leadOrganizationId) {
        return status != StatementStatus.DRAFT || (actor != null && actor.administrator())
                || represents(actor, leadOrganizationId);
    }

    public boolean isLead(Actor actor, String leadOrganizationId) {
        return represents(actor, leadOrganizationId);
    }

    private boolean represents(Actor actor, String organizationId) {
        return actor != null && organizationId != null && organizations.represents(actor.accountId(), organizationId);
    }
}
