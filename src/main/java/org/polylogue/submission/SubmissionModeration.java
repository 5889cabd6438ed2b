package org.polylogue.submission;

import java.util.Optional;
import org.polylogue.moderation.ModeratedItem;
import org.polylogue.moderation.ModeratedKind;
import org.springframework.stereotype.Component;

/** Written submissions take part in moderation as kind {@code submission}, moderated by their process. */
@Component
class SubmissionModeration implements ModeratedKind {

    private final Submissions submissions;

    SubmissionModeration(Submissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public String kind() {
        return Submissions.KIND;
    }

    @Override
    public Optional<ModeratedItem> find(String id) {
        return submissions.moderated(id);
    }
}
