package org.polylogue.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polylogue.contribution.Comments;
import org.polylogue.position.NamedProposals;
import org.polylogue.position.Positions;
import org.polylogue.position.RecordStance;
import org.polylogue.position.SaveProposal;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.statement.JointStatements;
import org.polylogue.submission.SubmissionView;
import org.polylogue.submission.Submissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo position matrix: a named proposal "programme of action", the open consultation and the
 * paragraph of the demo joint statement, with a stance of every actor on every item, each backed by
 * evidence (the actor's demo comments, the joint statement through its co-signatures, the demo
 * submission, the published records of the working group). Northlight changed its mind, so that
 * "what changed" has something to show.
 */
@Component
class DemoPositions {

    private static final Logger log = LoggerFactory.getLogger(DemoPositions.class);
    private static final String RECORDS = "https://meetings.unoda.org/open-ended-working-group-on-information-and-"
            + "communication-technologies-2026";

    /** organisation, stance on the programme of action, stance on the zero draft (position: summary). */
    private static final List<List<String>> STANCES = List.of(
            List.of("Ministry of Foreign Affairs of Kenya", "SUPPORTS: Supports a programme of action anchored in "
                    + "capacity-building for developing countries.", "SUPPORTS: Welcomes the zero draft as a solid "
                    + "basis and asks for more on developing countries' needs."),
            List.of("Ministry of Foreign Affairs of Estonia", "SUPPORTS: Supports a programme of action that builds on "
                    + "the existing framework without reopening it.", "SUPPORTS: Supports the zero draft and the "
                    + "wording that the framework is not reopened."),
            List.of("Ministry of Foreign Affairs of Chile", "SUPPORTS: Supports a programme of action with a "
                    + "development dimension.", "WANTS_AMENDMENT: Asks to add a reference to the Sustainable "
                    + "Development Goals."),
            List.of("Sahel Digital Rights Collective", "CONDITIONAL: Supports a programme of action if stakeholders "
                    + "get a standing role in it.", "WANTS_AMENDMENT: Asks for stakeholder sessions at each "
                    + "substantive session."),
            List.of("Caribbean Digital Resilience Alliance", "SUPPORTS: Supports a programme of action with "
                    + "capacity-building for small island states.", "WANTS_AMENDMENT: Asks for resilience of small "
                    + "island states to be named."),
            List.of("Lotus Bay Institute for Cyber Policy", "SUPPORTS: Supports a programme of action with a research "
                    + "track.", "WANTS_AMENDMENT: Asks for clearer definitions in the section on threats."),
            List.of("Andean Incident Responders Network", "NEUTRAL: Takes no position on the format; asks that CERTs "
                    + "be heard whatever it is.", "SUPPORTS: Supports the zero draft's protection of incident "
                    + "responders."),
            List.of("Vistula Secure Systems", "CONDITIONAL: Supports a programme of action if industry can share "
                    + "threat information safely.", "SUPPORTS: Supports the practical orientation of the draft."),
            List.of("Northlight Cloud Services", "OPPOSES: Prefers a light regular dialogue to a new programme of "
                    + "action.", "SUPPORTS: Appreciates the practical orientation of the draft."));

    private final Positions positions;
    private final NamedProposals proposals;
    private final Comments comments;
    private final JointStatements statements;
    private final Submissions submissions;

    DemoPositions(Positions positions, NamedProposals proposals, Comments comments, JointStatements statements,
            Submissions submissions) {
        this.positions = positions;
        this.proposals = proposals;
        this.comments = comments;
        this.statements = statements;
        this.submissions = submissions;
    }

    void seed(Actor secretariat, Map<String, Actor> representatives, Map<String, String> organizationIds) {
        var programme = proposals.create(DemoContent.PROCESS, new SaveProposal("Programme of action",
                "A permanent, single-track and action-oriented mechanism to advance responsible state behaviour "
                        + "in the use of ICTs."), secretariat).orThrow();
        var statement = statements.published(new PageRequest(0, 1)).items().stream().findFirst().orElse(null);
        var today = LocalDate.now(ZoneOffset.UTC);
        var programmeItem = new RecordStance.Item("proposal", programme.id(), null);
        var draftItem = new RecordStance.Item("consultation", DemoContent.OPEN_CONSULTATION, null);
        for (var row : STANCES) {
            String name = row.get(0);
            var actor = new RecordStance.Actor(organizationIds.get(name), null);
            var evidence = evidence(representatives.get(name), organizationIds.get(name));
            if (name.equals("Northlight Cloud Services")) {
                record(actor, programmeItem, "NEUTRAL: Had not yet taken a position on the format.",
                        today.minusDays(40), evidence, secretariat);
            }
            record(actor, programmeItem, row.get(1), today.minusDays(5), evidence, secretariat);
            record(actor, draftItem, row.get(2), today.minusDays(6), evidence, secretariat);
            boolean signed = statement != null && statement.signatures().stream()
                    .anyMatch(s -> s.organizationId().equals(organizationIds.get(name)));
            if (statement != null && !signed && statement.link().paragraphId() != null) {
                // organisations that did not co-sign take a stance on the statement's paragraph too
                var paragraph = new RecordStance.Item("paragraph", statement.link().paragraphId(),
                        statement.link().consultationSlug());
                record(actor, paragraph, "SUPPORTS: Supports a standing role for stakeholders, without signing the "
                        + "joint statement.", today.minusDays(4), evidence, secretariat);
            }
        }
    }

    /** The organisation's demo comments, its submission if any, and the working group's records. */
    private List<RecordStance.Evidence> evidence(Actor representative, String organizationId) {
        List<RecordStance.Evidence> evidence = new ArrayList<>();
        if (representative != null) {
            comments.byAuthor(representative.accountId(), new PageRequest(0, 2)).items().forEach(c -> evidence.add(
                    new RecordStance.Evidence("comment", c.id(), null, null)));
        }
        if (submissions.list(DemoContent.OPEN_CONSULTATION, new PageRequest(0, 50))
                instanceof Result.Ok<Paged<SubmissionView>> ok) {
            ok.value().items().stream().filter(s -> organizationId.equals(s.organizationId())).findFirst()
                    .ifPresent(s -> evidence.add(new RecordStance.Evidence("submission", s.id(), null, null)));
        }
        evidence.add(new RecordStance.Evidence("link", null, RECORDS, null));
        return evidence;
    }

    private void record(RecordStance.Actor actor, RecordStance.Item item, String stance, LocalDate date,
            List<RecordStance.Evidence> evidence, Actor secretariat) {
        int colon = stance.indexOf(": ");
        var result = positions.record(new RecordStance(actor, item, stance.substring(0, colon),
                stance.substring(colon + 2), date.toString(), evidence), secretariat);
        if (result instanceof Result.Rejected<?> rejected) {
            log.warn("Demo stance refused: {}", rejected.refusal());
        }
    }
}
