package org.polylogue.contribution.web;

import java.util.List;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.stakeholder.OrganizationView;

/**
 * The comment form under a paragraph (or for the whole document when {@code paragraphId} is null),
 * with what was typed and the messages to show next to its fields.
 */
public record CommentForm(String consultationSlug, String paragraphId, String label, String body, String organizationId,
        List<OrganizationView> organizations, FormErrors errors) {

    public String fieldId() {
        return paragraphId == null ? "document" : paragraphId;
    }
}
