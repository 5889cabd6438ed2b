package org.polylogue.demo;

import java.util.List;
import java.util.Map;
import org.polylogue.drafting.Block;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.OrganizationVerification;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.statement.DraftStatement;
import org.polylogue.statement.JointStatements;
import org.springframework.stereotype.Component;

/**
 * A joint statement in the demo process: led by a civil society organisation, linked to a paragraph
 * of the open consultation, signed across five stakeholder groups and four regional groups, with
 * one signature withdrawn.
 */
@Component
class DemoStatements {

    static final String LEAD = "Sahel Digital Rights Collective";
    static final List<String> SIGNATORIES = List.of("Ministry of Foreign Affairs of Kenya",
            "Lotus Bay Institute for Cyber Policy", "Andean Incident Responders Network", "Vistula Secure Systems",
            "Caribbean Digital Resilience Alliance", "Northlight Cloud Services");
    static final String WITHDRAWS = "Northlight Cloud Services";

    private final JointStatements statements;
    private final Organizations organizations;
    private final OrganizationVerification verification;

    DemoStatements(JointStatements statements, Organizations organizations, OrganizationVerification verification) {
        this.statements = statements;
        this.organizations = organizations;
        this.verification = verification;
    }

    void seed(Map<String, Actor> representatives, Map<String, String> organizationIds, Actor platform,
            String consultationSlug, List<Block> paragraphs) {
        for (String name : concat(LEAD, SIGNATORIES)) {
            String id = organizationIds.get(name);
            if (!organizations.find(id).orElseThrow().verified()) {
                verification.verify(id, "Demo: verified by the platform administrators.", platform).orThrow();
            }
        }
        String paragraphId = paragraphs.stream().filter(p -> p.text().toLowerCase().contains("stakeholder"))
                .findFirst().orElse(paragraphs.getFirst()).paragraphId();
        Actor lead = representatives.get(LEAD);
        var statement = statements.draft(new DraftStatement("Joint statement on meaningful stakeholder participation",
                """
                We, the undersigned organisations from every stakeholder group and region, welcome the proposal to \
                give stakeholders a **standing role** in the permanent mechanism.

                We ask States to:

                - accredit stakeholders through a transparent procedure, with reasons given for every objection;
                - publish all inputs received, together with the secretariat's summary;
                - hold at least one dedicated stakeholder session at each substantive session.

                > Security in cyberspace is built by many hands; it should be discussed by many voices.
                """, organizationIds.get(LEAD), null, consultationSlug, paragraphId), lead).orThrow();
        statements.invite(statement.id(), organizationIds.get("Ministry of Foreign Affairs of Chile"), lead).orThrow();
        for (String name : SIGNATORIES) {
            statements.invite(statement.id(), organizationIds.get(name), lead).orThrow();
        }
        statements.openSigning(statement.id(), null, lead).orThrow();
        for (String name : SIGNATORIES) {
            statements.sign(statement.id(), organizationIds.get(name), representatives.get(name)).orThrow();
        }
        statements.withdraw(statement.id(), organizationIds.get(WITHDRAWS), representatives.get(WITHDRAWS)).orThrow();
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
