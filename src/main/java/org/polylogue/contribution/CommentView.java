package org.polylogue.contribution;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.polylogue.moderation.HiddenNotice;

/**
 * A comment as pages and the API show it. {@code author} is the person's public name (their
 * pseudonym if they chose one, else their display name; for an imported comment the name given on
 * paper); {@code organization} is null when the person spoke for themselves.
 *
 * @param paragraphId null for a comment on the whole document
 * @param paragraphNumber the paragraph's number in the current version, or null
 * @param version the document version the comment was made on
 * @param editedAt when the author last corrected it (earlier texts are kept); null if never
 * @param authorIdentity who stands behind a pseudonym: only for the secretariat of the process, else
 *     null (and absent from JSON)
 * @param hidden the moderators' notice while the comment is hidden (then {@code body} and
 *     {@code bodyHtml} are null); null (and absent from JSON) otherwise
 */
public record CommentView(String id, String consultationId, String paragraphId, Integer paragraphNumber, int version,
        String body, String bodyHtml, String author, OrganizationRef organization, String source, Instant createdAt,
        Instant editedAt, @JsonInclude(JsonInclude.Include.NON_NULL) AuthorIdentity authorIdentity,
        @JsonInclude(JsonInclude.Include.NON_NULL) HiddenNotice hidden) {

    /**
     * The organisation a comment speaks for. {@code id} is null for an imported organisation name.
     *
     * @param verified whether the organisation's identity is verified (by mail domain or administrator)
     */
    public record OrganizationRef(String id, String name, String stakeholderGroup, String country, boolean verified) {}

    /** The verified identity behind a pseudonymous author, as the secretariat sees it. */
    public record AuthorIdentity(String displayName, boolean emailVerified) {}

    /** The same comment with the identity behind its author's pseudonym, for the secretariat. */
    public CommentView withAuthorIdentity(AuthorIdentity identity) {
        return new CommentView(id, consultationId, paragraphId, paragraphNumber, version, body, bodyHtml, author,
                organization, source, createdAt, editedAt, identity, hidden);
    }

    /** The same comment hidden by the moderators: the notice in place of its text. */
    public CommentView withHidden(HiddenNotice notice) {
        return new CommentView(id, consultationId, paragraphId, paragraphNumber, version, null, null, author,
                organization, source, createdAt, editedAt, authorIdentity, notice);
    }
}
