package org.polylogue.amendment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polylogue.amendment.internal.AmendmentRepository;
import org.polylogue.amendment.internal.AmendmentViews;
import org.polylogue.drafting.AmendmentLookup;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Service;

/**
 * The amendment module's front door: propose, support, dispose, publish, and read amendments and
 * the "you said, we did" trail. Also answers the drafting module's {@link AmendmentLookup}.
 */
@Service
public class Amendments implements AmendmentLookup {

    private final AmendmentProposals proposals;
    private final AmendmentSupporting supporting;
    private final AmendmentDispositions dispositions;
    private final AmendmentTrail trail;
    private final AmendmentRepository repository;
    private final AmendmentViews views;
    private final AmendmentPermissions permissions;
    private final Consultations consultations;

    Amendments(AmendmentProposals proposals, AmendmentSupporting supporting, AmendmentDispositions dispositions,
            AmendmentTrail trail, AmendmentRepository repository, AmendmentViews views,
            AmendmentPermissions permissions, Consultations consultations) {
        this.proposals = proposals;
        this.supporting = supporting;
        this.dispositions = dispositions;
        this.trail = trail;
        this.repository = repository;
        this.views = views;
        this.permissions = permissions;
        this.consultations = consultations;
    }

    /** See {@link AmendmentProposals#propose}. */
    public Result<AmendmentView> propose(String consultationSlug, ProposeAmendment request, Actor actor) {
        return proposals.propose(consultationSlug, request, actor);
    }

    /** The organisation supports the amendment; see {@link AmendmentSupporting#support}. */
    public Result<AmendmentView> support(String amendmentId, String organizationId, Actor actor) {
        return supporting.support(amendmentId, organizationId, actor);
    }

    /** The organisation withdraws its support; see {@link AmendmentSupporting#withdraw}. */
    public Result<AmendmentView> withdrawSupport(String amendmentId, String organizationId, Actor actor) {
        return supporting.withdraw(amendmentId, organizationId, actor);
    }

    /** The secretariat's (draft) disposition; see {@link AmendmentDispositions#decide}. */
    public Result<AmendmentView> dispose(String amendmentId, DisposeAmendment request, Actor actor) {
        return dispositions.decide(amendmentId, request, actor);
    }

    /** The secretariat's (draft) answer to a comment; see {@link AmendmentDispositions#respond}. */
    public Result<DispositionView> respondToComment(String consultationSlug, String commentId,
            DispositionForComment request, Actor actor) {
        return dispositions.respond(consultationSlug, commentId, request, actor);
    }

    /** Publishes the consultation's draft dispositions and mails the authors; see {@link AmendmentDispositions#publish}. */
    public Result<DispositionsPublished> publishDispositions(String consultationSlug, Actor actor) {
        return dispositions.publish(consultationSlug, actor);
    }

    /**
     * Amendments of a consultation, of one paragraph when {@code paragraphId} is given, oldest first;
     * the secretariat ({@code viewer}) also sees draft dispositions. Refused: unknown consultation (404).
     */
    public Result<Paged<AmendmentView>> list(String consultationSlug, String paragraphId, PageRequest page,
            Actor viewer) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(AmendmentRefusals.consultationNotFound(consultationSlug));
        }
        String paragraph = AmendmentRefusals.blankToNull(paragraphId);
        var rows = repository.ofConsultation(consultation.get().id(), paragraph, page.size(), page.offset());
        return Result.ok(new Paged<>(views.views(consultation.get(), rows, canDispose(viewer, consultation.get())),
                page.page(), page.size(), repository.count(consultation.get().id(), paragraph)));
    }

    /** One amendment (hidden ones carry the notice instead of their texts); empty when unknown. */
    public Optional<AmendmentView> find(String amendmentId, Actor viewer) {
        return repository.find(amendmentId).map(row -> {
            var consultation = consultations.findById(row.consultationId()).orElseThrow();
            return views.views(consultation, List.of(row), canDispose(viewer, consultation)).getFirst();
        });
    }

    /** One amendment of the given consultation, or 404 {@code amendment-not-found}. */
    public Result<AmendmentView> find(String consultationSlug, String amendmentId, Actor viewer) {
        return find(amendmentId, viewer).filter(a -> a.consultationSlug().equals(consultationSlug))
                .<Result<AmendmentView>>map(Result::ok)
                .orElseGet(() -> Result.rejected(AmendmentRefusals.amendmentNotFound()));
    }

    /** The "you said, we did" trail of a consultation (published dispositions only). */
    public Result<List<TrailEntry>> trail(String consultationSlug) {
        return consultations.find(consultationSlug)
                .<Result<List<TrailEntry>>>map(c -> Result.ok(trail.trail(c)))
                .orElseGet(() -> Result.rejected(AmendmentRefusals.consultationNotFound(consultationSlug)));
    }

    /** A person's own amendments, newest first (at most {@code limit}), with draft dispositions left out. */
    public List<AmendmentView> byAuthor(String accountId, int limit) {
        var rows = repository.byAuthor(accountId, limit);
        var byConsultation = consultations.findAll(rows.stream()
                .map(AmendmentRepository.AmendmentRow::consultationId).distinct().toList());
        return rows.stream().map(row -> views.views(byConsultation.get(row.consultationId()), List.of(row), false)
                .getFirst()).toList();
    }

    /** Published dispositions of the given comments, by comment id (for "my contributions"). */
    public Map<String, DispositionView> commentDispositions(java.util.Collection<String> commentIds) {
        var rows = repository.dispositions("comment", commentIds, false);
        Map<String, DispositionView> result = new java.util.HashMap<>();
        rows.forEach((id, row) -> result.put(id, AmendmentViews.disposition(row)));
        return result;
    }

    /** Draft and published answers to the comments of a consultation, for the secretariat's forms. */
    public Map<String, DispositionView> commentDispositions(ConsultationView consultation, Actor viewer) {
        boolean secretariat = canDispose(viewer, consultation);
        Map<String, DispositionView> result = new java.util.HashMap<>();
        repository.dispositions(consultation.id(), secretariat).values().stream()
                .filter(row -> row.inputKind().equals("comment"))
                .forEach(row -> result.put(row.inputId(), AmendmentViews.disposition(row)));
        return result;
    }

    /** Whether the viewer gives dispositions in this consultation (the process's secretariat). */
    public boolean canDispose(Actor viewer, ConsultationView consultation) {
        return permissions.canDispose(viewer, consultation);
    }

    /** Whether the person may propose: a confirmed email. */
    public boolean canPropose(Actor actor) {
        return permissions.hasConfirmedEmail(actor);
    }

    @Override
    public Map<String, Integer> countsByParagraph(String consultationId) {
        return views.visibleCountsByParagraph(consultationId);
    }

    @Override
    public Optional<String> consultationOf(String amendmentId) {
        return repository.find(amendmentId).map(AmendmentRepository.AmendmentRow::consultationId);
    }

    @Override
    public Map<String, List<String>> acceptedLinks(String documentId, int versionNumber) {
        return trail.acceptedLinks(documentId, versionNumber);
    }
}
