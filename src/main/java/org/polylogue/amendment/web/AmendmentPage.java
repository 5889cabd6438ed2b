package org.polylogue.amendment.web;

import java.util.List;
import org.polylogue.amendment.AmendmentView;
import org.polylogue.process.ConsultationView;
import org.polylogue.stakeholder.OrganizationView;

/**
 * One amendment as the reader sees it.
 *
 * @param canSupportFor organisations the reader represents that may support it now
 * @param canWithdrawFor organisations the reader represents that support it (and may still withdraw)
 * @param secretariat whether the reader gives dispositions
 * @param others the consultation's other amendments, for "merged into"
 */
public record AmendmentPage(ConsultationView consultation, AmendmentView amendment,
        List<OrganizationView> canSupportFor, List<OrganizationView> canWithdrawFor, boolean secretariat,
        List<AmendmentView> others) {}
