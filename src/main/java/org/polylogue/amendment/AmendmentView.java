package org.polylogue.amendment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.polylogue.moderation.HiddenNotice;

/**
 * An amendment as pages and the API show it.
 *
 * @param paragraphNumber the paragraph's number in the current version, or null when the paragraph
 *     is no longer in it
 * @param currentText the paragraph's text in the current version (or in the version the amendment
 *     was made on, when the paragraph was removed since)
 * @param text the proposed paragraph (null for DELETE)
 * @param redline the proposed change as word-level segments against {@code currentText}
 * @param madeOnVersion the document version it was proposed against
 * @param author the person's public name (pseudonym where chosen)
 * @param organization the organisation it was proposed for, or null
 * @param disposition the published disposition (or the draft, for the secretariat), or null
 * @param hidden the moderators' notice while hidden (then text, rationale and redline are empty)
 */
public record AmendmentView(String id, String consultationId, String consultationSlug, String paragraphId,
        Integer paragraphNumber, AmendmentKind kind, String currentText, String text, String rationale,
        List<RedlineSegment> redline, int madeOnVersion, String author, OrganizationRef organization,
        Instant createdAt, AmendmentSupports supports, DispositionView disposition,
        @JsonInclude(JsonInclude.Include.NON_NULL) HiddenNotice hidden) {

    public AmendmentView {
        redline = List.copyOf(redline);
    }

    /** The organisation an amendment is proposed for. */
    public record OrganizationRef(String id, String name, String stakeholderGroup, String regionalGroup,
            boolean verified) {}

    public String path() {
        return "/consultations/" + consultationSlug + "/amendments/" + id;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isHidden() {
        return hidden != null;
    }

    /** The same amendment hidden by the moderators: the notice in place of its texts. */
    public AmendmentView withHidden(HiddenNotice notice) {
        return new AmendmentView(id, consultationId, consultationSlug, paragraphId, paragraphNumber, kind, currentText,
                null, null, List.of(), madeOnVersion, author, organization, createdAt, supports, disposition, notice);
    }
}
