package org.polylogue.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polylogue.drafting.DocumentVersion;
import org.polylogue.drafting.Drafts;
import org.polylogue.process.internal.ProcessRepository;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Consultations: open one on a draft, change its window, find it with its status. */
@Service
public class Consultations {

    private final ProcessRepository repository;
    private final ProcessPermissions permissions;
    private final Drafts drafts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Consultations(ProcessRepository repository, ProcessPermissions permissions, Drafts drafts,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.permissions = permissions;
        this.drafts = drafts;
        this.events = events;
        this.clock = clock;
    }

    /** A consultation with its document, version 1. */
    public record Opened(ConsultationView consultation, DocumentVersion document) {}

    /** Opens a consultation of a process on a new draft document. The process's secretariat only. */
    @Transactional
    public Result<Opened> open(String processSlug, OpenConsultation request, Actor actor) {
        var process = repository.findProcess(processSlug);
        if (process.isEmpty()) {
            return Result.rejected(Refusal.notFound("process-not-found", "There is no process " + processSlug + "."));
        }
        if (!permissions.canRun(actor, process.get().id())) {
            return Result.rejected(Refusal.forbidden("not-secretariat",
                    "Only the secretariat of this process can open consultations."));
        }
        if (!request.closesAt().isAfter(request.opensAt())) {
            return Result.rejected(Refusal.invalid("closesAt", "must be after opensAt"));
        }
        if (repository.consultationSlugTaken(request.slug())) {
            return Result.rejected(Refusal.conflict("duplicate-slug", "A consultation with this slug already exists.", "slug"));
        }
        var document = drafts.createDocument(request.document().format(), request.document().text());
        if (document instanceof Result.Rejected<DocumentVersion> rejected) {
            return Result.rejected(rejected.refusal());
        }
        var version = ((Result.Ok<DocumentVersion>) document).value();
        String id = Ids.next();
        repository.insertConsultation(id, process.get().id(), request.slug(), request.title().strip(),
                request.opensAt().toInstant(), request.closesAt().toInstant(), version.documentId(), Instant.now(clock));
        events.publishEvent(new ConsultationOpened(id, process.get().id()));
        return Result.ok(new Opened(find(request.slug()).orElseThrow(), version));
    }

    /** Moves the window; the secretariat of the process only. */
    @Transactional
    public Result<ConsultationView> changeWindow(String slug, ChangeWindow request, Actor actor) {
        var consultation = find(slug);
        if (consultation.isEmpty()) {
            return Result.rejected(Refusal.notFound("consultation-not-found", "There is no consultation " + slug + "."));
        }
        if (!permissions.canRun(actor, consultation.get().processId())) {
            return Result.rejected(Refusal.forbidden("not-secretariat",
                    "Only the secretariat of this process can change the window."));
        }
        Instant opensAt = request.opensAt() == null ? consultation.get().opensAt() : request.opensAt().toInstant();
        Instant closesAt = request.closesAt() == null ? consultation.get().closesAt() : request.closesAt().toInstant();
        if (!closesAt.isAfter(opensAt)) {
            return Result.rejected(Refusal.invalid("closesAt", "must be after opensAt"));
        }
        repository.changeWindow(consultation.get().id(), opensAt, closesAt);
        events.publishEvent(new ConsultationWindowChanged(consultation.get().id(), opensAt, closesAt));
        return Result.ok(find(slug).orElseThrow());
    }

    public Optional<ConsultationView> find(String slug) {
        return repository.findConsultation(slug, Instant.now(clock));
    }

    public Optional<ConsultationView> findById(String id) {
        return repository.findConsultationById(id, Instant.now(clock));
    }

    /** Consultations by id, for listing contributions with their consultation. */
    public Map<String, ConsultationView> findAll(Collection<String> ids) {
        return repository.findConsultations(ids, Instant.now(clock));
    }

    /** Open and upcoming consultations, soonest closing first. */
    public List<ConsultationView> openAndUpcoming() {
        return repository.openAndUpcoming(Instant.now(clock));
    }

    /** A consultation and when it was opened on the platform (created), for feeds. */
    public record Announced(ConsultationView consultation, Instant announcedAt) {}

    /** The newest consultations of every process, most recently created first; at most {@code limit}. */
    public List<Announced> newest(int limit) {
        return repository.newestConsultations(limit, Instant.now(clock)).stream()
                .map(e -> new Announced(e.getKey(), e.getValue())).toList();
    }

    public List<ConsultationView> ofProcess(String processId) {
        return repository.consultationsOf(processId, Instant.now(clock));
    }

    public boolean canRun(Actor actor, ConsultationView consultation) {
        return permissions.canRun(actor, consultation.processId());
    }
}
