package org.polylogue.amendment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A disposition of one input as shown: {@code decision} is a {@link DispositionDecision} name for an
 * amendment or a {@link DispositionResponse} name for a comment.
 *
 * @param label the decision in words
 * @param mergedInto the amendment it was merged into, or null
 * @param publishedAt null while a draft (only the secretariat sees drafts)
 */
public record DispositionView(String decision, String label, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String mergedInto, Instant decidedAt, Instant publishedAt) {

    public boolean published() {
        return publishedAt != null;
    }
}
