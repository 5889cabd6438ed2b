package org.polylogue.amendment;

import org.polylogue.account.Accounts;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Component;

/**
 * Who may do what with amendments: a person with a confirmed email proposes for themselves or for
 * an organisation they represent; a representative supports for their organisation (never its own
 * amendment); the secretariat of the process (or an administrator) gives dispositions, answers
 * comments and publishes. Everything published is public; draft dispositions are the secretariat's.
 */
@Component
public class AmendmentPermissions {

    static final Refusal EMAIL_NOT_CONFIRMED = Refusal.forbidden("email-not-confirmed",
            "Confirm your email address before contributing: open the link we mailed you, or ask for a new one on "
                    + "your account page (POST /api/v1/accounts/me/verification-mail).");

    static final Refusal NOT_SECRETARIAT = Refusal.forbidden("not-secretariat",
            "Only the secretariat of this process can give dispositions and publish them.");

    private final Accounts accounts;
    private final Organizations organizations;
    private final Consultations consultations;

    AmendmentPermissions(Accounts accounts, Organizations organizations, Consultations consultations) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.consultations = consultations;
    }

    public boolean hasConfirmedEmail(Actor actor) {
        return actor != null && accounts.hasConfirmedEmail(actor.accountId());
    }

    public boolean represents(Actor actor, String organizationId) {
        return actor != null && organizationId != null && organizations.represents(actor.accountId(), organizationId);
    }

    /** The secretariat of the consultation's process and administrators. */
    public boolean canDispose(Actor actor, ConsultationView consultation) {
        return actor != null && consultations.canRun(actor, consultation);
    }
}
