package org.polylogue.contribution;

import org.polylogue.account.Accounts;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Component;

/** Who may contribute: any signed-in person for themselves; for an organisation only its representatives. */
@Component
public class ContributionPermissions {

    private final Organizations organizations;
    private final Consultations consultations;
    private final Accounts accounts;

    ContributionPermissions(Organizations organizations, Consultations consultations, Accounts accounts) {
        this.organizations = organizations;
        this.consultations = consultations;
        this.accounts = accounts;
    }

    /** Only people who confirmed their email address contribute (it keeps throwaway accounts out). */
    public boolean hasConfirmedEmail(Actor actor) {
        return actor != null && accounts.hasConfirmedEmail(actor.accountId());
    }

    public boolean canSpeakFor(Actor actor, String organizationId) {
        return actor != null && organizations.represents(actor.accountId(), organizationId);
    }

    /** Only the author changes a comment; imported comments have no author on the platform. */
    public boolean canEdit(Actor actor, String authorAccountId) {
        return actor != null && authorAccountId != null && authorAccountId.equals(actor.accountId());
    }

    /** Only the secretariat of the process sees who stands behind a pseudonym; never the public. */
    public boolean canSeeIdentities(Actor actor, ConsultationView consultation) {
        return actor != null && consultations.canRun(actor, consultation);
    }

    /** Importing inputs received by mail or on paper is the secretariat's job. */
    public boolean canImport(Actor actor, ConsultationView consultation) {
        return consultations.canRun(actor, consultation);
    }
}
