package org.polylogue.amendment;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.polylogue.moderation.HiddenNotice;

/**
 * One input of the "you said, we did" trail: a comment or an amendment, what the secretariat
 * decided (published dispositions only) and what the next version did to its paragraph.
 *
 * @param kind {@code comment} or {@code amendment}
 * @param path where the input is shown
 * @param author the person's public name (pseudonym where chosen)
 * @param organization the organisation it spoke for, or null
 * @param paragraphId null for a comment on the whole document
 * @param paragraphNumber the paragraph's number in the version the input was made on, or null
 * @param madeOnVersion the document version it was made on
 * @param summary the beginning of the comment, or the amendment's kind and proposed text; null when hidden
 * @param hidden the moderators' notice in place of a hidden input
 * @param disposition the published disposition, or null
 * @param outcome what the next version did to the paragraph
 * @param nextVersion the version after {@code madeOnVersion}, when there is one
 * @param nextParagraphNumber the affected paragraph's number there (changed or inserted), or null
 * @param nextPath the link to that paragraph in the next version, or null
 */
public record TrailEntry(String kind, String id, String path, String author,
        AmendmentView.OrganizationRef organization, String paragraphId, Integer paragraphNumber, int madeOnVersion,
        String summary, @JsonInclude(JsonInclude.Include.NON_NULL) HiddenNotice hidden, DispositionView disposition,
        Outcome outcome, Integer nextVersion, Integer nextParagraphNumber, String nextPath) {

    /** What the next version did to an input's paragraph. */
    public enum Outcome {
        CHANGED("Changed"),
        REMOVED("Removed"),
        NO_CHANGE("No change"),
        NOT_YET_IN_NEW_VERSION("Not yet in a new version"),
        WHOLE_DOCUMENT("On the whole document");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
