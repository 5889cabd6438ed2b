package org.polylogue.submission;

import org.polylogue.contribution.ContributionPermissions;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may submit: a signed-in person with a confirmed email address, for themselves or for an
 * organisation they represent; anyone may read submissions that are not hidden.
 */
@Component
public class SubmissionPermissions {

    private final ContributionPermissions contributions;

    SubmissionPermissions(ContributionPermissions contributions) {
        this.contributions = contributions;
    }

    public boolean hasConfirmedEmail(Actor actor) {
        return contributions.hasConfirmedEmail(actor);
    }

    public boolean canSubmitFor(Actor actor, String organizationId) {
        return contributions.canSpeakFor(actor, organizationId);
    }
}
