package org.polylogue.synthesis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polylogue.contribution.Comments;
import org.polylogue.contribution.PublishedComment;
import org.polylogue.drafting.Drafts;
import org.polylogue.process.ConsultationView;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Result;
import org.polylogue.stakeholder.Country;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.submission.SubmissionView;
import org.polylogue.submission.Submissions;
import org.polylogue.synthesis.Input;
import org.springframework.stereotype.Component;

/**
 * Reads what synthesis works on: public comments, the extracted text of public written
 * submissions, statement signatures (kept as stances), amendments and their supports
 * ({@link AmendmentInputs}), transcript turns of the meetings concerning the consultation
 * ({@link TurnInputs}) and position-ledger stances ({@link StanceInputs}). Organisations are looked
 * up in bulk. How many stance-only inputs of each kind were read is remembered for the digest's
 * figures ({@link InputCounts}).
 */
@Component
public class InputReader {

    private final Comments comments;
    private final Submissions submissions;
    private final Organizations organizations;
    private final DigestRepository repository;
    private final Drafts drafts;
    private final AmendmentInputs amendments;
    private final TurnInputs turns;
    private final StanceInputs positions;
    private final InputCounts counts;
    private final java.time.Clock clock;

    InputReader(Comments comments, Submissions submissions, Organizations organizations, DigestRepository repository,
            Drafts drafts, AmendmentInputs amendments, TurnInputs turns, StanceInputs positions, InputCounts counts,
            java.time.Clock clock) {
        this.drafts = drafts;
        this.amendments = amendments;
        this.turns = turns;
        this.positions = positions;
        this.counts = counts;
        this.clock = clock;
        this.comments = comments;
        this.submissions = submissions;
        this.organizations = organizations;
        this.repository = repository;
    }

    public List<Input> read(ConsultationView consultation) {
        List<PublishedComment> published = new ArrayList<>();
        comments.forEachPublished(consultation.id(), published::add);
        List<SubmissionView> written = new ArrayList<>();
        for (int page = 0;; page++) {
            var list = submissions.list(consultation.slug(), new PageRequest(page, PageRequest.MAX_SIZE));
            if (!(list instanceof Result.Ok<org.polylogue.shared.Paged<SubmissionView>> ok)) {
                break;
            }
            for (SubmissionView s : ok.value().items()) {
                if (!s.isHidden() && submissions.find(s.id()) instanceof Result.Ok<SubmissionView> full
                        && !full.value().isHidden()) {
                    written.add(full.value());
                }
            }
            if (ok.value().items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        List<String[]> stances = repository.stances(consultation.id());
        Set<String> organizationIds = new HashSet<>();
        published.forEach(c -> add(organizationIds, c.organizationId()));
        written.forEach(s -> add(organizationIds, s.organizationId()));
        stances.forEach(s -> add(organizationIds, s[1]));
        Map<String, OrganizationView> orgs = organizations.find(organizationIds);

        List<Input> inputs = new ArrayList<>(published.size() + written.size() + stances.size());
        for (PublishedComment c : published) {
            OrganizationView org = c.organizationId() == null ? null : orgs.get(c.organizationId());
            String country = c.country() != null ? c.country().strip() : org == null ? null : org.country();
            inputs.add(new Input("comment", c.id(), c.body(), c.paragraphId(), c.organizationId(),
                    org != null ? org.name() : c.organizationName(),
                    c.stakeholderGroup() != null ? c.stakeholderGroup() : org == null ? null : org.type().name(),
                    region(country), country, c.submittedAt(), null));
        }
        for (SubmissionView s : written) {
            OrganizationView org = s.organizationId() == null ? null : orgs.get(s.organizationId());
            String text = (s.title() == null ? "" : s.title() + ". ") + (s.summary() == null ? "" : s.summary() + "\n\n")
                    + (s.text() == null ? "" : s.text());
            inputs.add(new Input("submission", s.id(), text, null, s.organizationId(), s.organizationName(),
                    org == null ? null : org.type().name(), org == null ? null : region(org.country()),
                    org == null ? null : org.country(), s.submittedAt(), null));
        }
        for (String[] stance : stances) {
            OrganizationView org = orgs.get(stance[1]);
            inputs.add(new Input("stance", stance[2] + ":" + stance[1] + ":" + stance[0], null, stance[0], stance[1],
                    org == null ? null : org.name(), org == null ? null : org.type().name(),
                    org == null ? null : region(org.country()), org == null ? null : org.country(),
                    Instant.parse(stance[4]), Input.Stance.valueOf(stance[3])));
        }
        var visible = amendments.visible(consultation);
        inputs.addAll(amendments.inputs(visible));
        inputs.addAll(turns.read(consultation));
        Map<String, org.polylogue.amendment.AmendmentView> byId = new java.util.HashMap<>();
        visible.forEach(a -> byId.put(a.id(), a));
        inputs.addAll(positions.read(consultation, byId));
        counts.saveStances(consultation.id(), inputs, Instant.now(clock));
        return inputs;
    }

    /** Paragraph id to number in the consultation's current draft, in document order. */
    public Map<String, Integer> paragraphNumbers(ConsultationView consultation) {
        Map<String, Integer> numbers = new java.util.LinkedHashMap<>();
        drafts.currentVersion(consultation.documentId()).ifPresent(version -> version.paragraphs()
                .forEach(p -> numbers.put(p.paragraphId(), p.number())));
        return numbers;
    }

    private static void add(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }

    static String region(String country) {
        return Country.isValid(country) ? new Country(country).regionalGroup().name() : null;
    }
}
