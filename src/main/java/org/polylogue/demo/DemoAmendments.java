package org.polylogue.demo;

import java.util.List;
import java.util.Map;
import org.polylogue.amendment.Amendments;
import org.polylogue.amendment.DisposeAmendment;
import org.polylogue.amendment.DispositionForComment;
import org.polylogue.amendment.ProposeAmendment;
import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.Comments;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.Drafts;
import org.polylogue.process.Consultations;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Amendments on the demo consultation: four proposals from different stakeholder groups, supports
 * across groups and regions, a disposition of each kind, answers to comments, all published. Not
 * called from {@link DemoContent#seed()} yet: the lead sequences it with the demo's new versions.
 */
@Component
public class DemoAmendments {

    static final String STAKEHOLDERS = "Sahel Digital Rights Collective";
    static final String MERGED = "Caribbean Digital Resilience Alliance";
    static final String SUPPLY_CHAIN = "Northlight Cloud Services";
    static final String NORMS = "Ministry of Foreign Affairs of Indonesia";

    private final Amendments amendments;
    private final Consultations consultations;
    private final Drafts drafts;
    private final Comments comments;

    DemoAmendments(Amendments amendments, Consultations consultations, Drafts drafts, Comments comments) {
        this.amendments = amendments;
        this.consultations = consultations;
        this.drafts = drafts;
        this.comments = comments;
    }

    /**
     * Proposes, supports, disposes and publishes on the open consultation {@code consultationSlug}.
     *
     * @param representatives the demo organisations' representatives by organisation name
     * @param organizationIds the demo organisations' ids by name
     * @param secretariat the secretariat of the demo process
     */
    public void seed(String consultationSlug, Actor secretariat, Map<String, Actor> representatives,
            Map<String, String> organizationIds) {
        var consultation = consultations.find(consultationSlug).orElseThrow();
        var paragraphs = drafts.currentVersion(consultation.documentId()).orElseThrow().paragraphs();

        String stakeholders = propose(consultationSlug, STAKEHOLDERS, representatives, organizationIds,
                paragraph(paragraphs, "non-governmental stakeholders"), "REPLACE", """
                Member States recognize the valuable contributions that non-governmental stakeholders, including the \
                private sector, civil society, academia and the technical community, can make to the work of the \
                mechanism. The Group recommends that modalities for stakeholder participation be transparent, \
                non-discriminatory and predictable, that any objection to the accreditation of a stakeholder be made \
                public together with its reasons, and that accredited stakeholders be able to attend formal sessions, \
                submit written inputs and deliver oral statements, while decision-making remains the prerogative of \
                Member States.""",
                "Objections without reasons have kept credible organisations out of past processes; publishing them "
                        + "is the smallest step that restores trust in accreditation.");
        String merged = propose(consultationSlug, MERGED, representatives, organizationIds,
                paragraph(paragraphs, "non-governmental stakeholders"), "REPLACE", """
                Member States recognize the valuable contributions that non-governmental stakeholders can make to the \
                work of the mechanism, and recommend that objections to the accreditation of a stakeholder be \
                explained in writing.""",
                "Small island developing States' civil society needs predictable accreditation.");
        String supplyChain = propose(consultationSlug, SUPPLY_CHAIN, representatives, organizationIds,
                paragraph(paragraphs, "integrity of the supply chain"), "INSERT_AFTER", """
                Member States are encouraged to establish coordinated vulnerability disclosure policies, to protect \
                researchers who report vulnerabilities in good faith, and to share information on remedies with \
                affected users without undue delay.""",
                "Supply chain integrity depends on vulnerabilities reaching vendors before attackers; the draft should "
                        + "say how.");
        String norms = propose(consultationSlug, NORMS, representatives, organizationIds,
                paragraph(paragraphs, "elaboration of additional norms"), "DELETE", null,
                "The paragraph reopens a debate the mechanism should leave to a later stage; implementation comes first.");

        support(stakeholders, representatives, organizationIds, "Lotus Bay Institute for Cyber Policy",
                "Andean Incident Responders Network", "Ministry of Foreign Affairs of Chile", MERGED);
        support(supplyChain, representatives, organizationIds, "Vistula Secure Systems",
                "Andean Incident Responders Network", "Ministry of Foreign Affairs of Estonia");
        support(norms, representatives, organizationIds, "Ministry of Foreign Affairs of Kenya");

        amendments.dispose(stakeholders, new DisposeAmendment("PARTIALLY_ACCEPTED",
                "Objections will be published with reasons where the objecting State agrees; the chair's summary "
                        + "records the others.", null), secretariat).orThrow();
        amendments.dispose(merged, new DisposeAmendment("MERGED", "Same request as the Sahel Digital Rights "
                + "Collective's amendment, handled there.", stakeholders), secretariat).orThrow();
        amendments.dispose(supplyChain, new DisposeAmendment("ACCEPTED",
                "Welcomed by States from every region in the second informal meeting.", null), secretariat).orThrow();
        amendments.dispose(norms, new DisposeAmendment("REJECTED",
                "Several States asked to keep both approaches on the table; the paragraph stays.", null), secretariat)
                .orThrow();

        var answers = List.of(
                new DispositionForComment("TAKEN_INTO_ACCOUNT", "Reflected in the next draft."),
                new DispositionForComment("NOT_TAKEN", "Outside the mandate of the working group."),
                new DispositionForComment("NO_CHANGE", "The draft already says this in the section on norms."));
        List<CommentView> first = comments.list(consultationSlug, null, new PageRequest(0, answers.size())).orThrow()
                .items();
        for (int i = 0; i < first.size(); i++) {
            amendments.respondToComment(consultationSlug, first.get(i).id(), answers.get(i), secretariat).orThrow();
        }
        amendments.publishDispositions(consultationSlug, secretariat).orThrow();
    }

    private String propose(String slug, String organization, Map<String, Actor> representatives,
            Map<String, String> organizationIds, String paragraphId, String kind, String text, String rationale) {
        return amendments.propose(slug, new ProposeAmendment(paragraphId, kind, text, rationale,
                organizationIds.get(organization)), representatives.get(organization)).orThrow().id();
    }

    private void support(String amendmentId, Map<String, Actor> representatives, Map<String, String> organizationIds,
            String... organizations) {
        for (String organization : organizations) {
            amendments.support(amendmentId, organizationIds.get(organization), representatives.get(organization))
                    .orThrow();
        }
    }

    private static String paragraph(List<Block> paragraphs, String containing) {
        return paragraphs.stream().filter(p -> p.text().contains(containing)).findFirst()
                .orElse(paragraphs.getFirst()).paragraphId();
    }
}
