package org.polylogue.submission.web;

import java.util.List;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.stakeholder.OrganizationView;

/** The upload form as the list page shows it: what was typed is kept when it comes back with errors. */
public record SubmissionForm(boolean shown, String reason, String title, String summary, String organizationId,
        List<OrganizationView> organizations, FormErrors errors, String maxSize) {}
