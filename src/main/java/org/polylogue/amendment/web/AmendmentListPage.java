package org.polylogue.amendment.web;

import java.util.List;
import org.polylogue.amendment.AmendmentView;
import org.polylogue.drafting.Block;
import org.polylogue.process.ConsultationView;
import org.polylogue.shared.Paged;
import org.polylogue.stakeholder.OrganizationView;

/**
 * The amendments of a consultation and the form to propose one.
 *
 * @param paragraph the paragraph the list is filtered by, or null
 * @param paragraphs the current draft's paragraphs, for the form
 * @param canPropose signed in with a confirmed email, consultation open
 * @param organizations organisations the reader represents
 * @param secretariat whether the reader gives dispositions (then the publish form shows)
 */
public record AmendmentListPage(ConsultationView consultation, Block paragraph, Paged<AmendmentView> amendments,
        List<Block> paragraphs, boolean canPropose, boolean mustConfirmEmail, List<OrganizationView> organizations,
        boolean secretariat) {}
