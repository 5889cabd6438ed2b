package org.polylogue.process.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.DocumentVersion;
import org.polylogue.drafting.Drafts;
import org.polylogue.process.ChangeWindow;
import org.polylogue.process.ConsultationStatus;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.process.CreateProcess;
import org.polylogue.process.OpenConsultation;
import org.polylogue.process.ProcessView;
import org.polylogue.process.Processes;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Processes and consultations", description = "Policy processes and their consultations on draft documents")
@RestController
class ProcessApi {

    private final Processes processes;
    private final Consultations consultations;
    private final Drafts drafts;

    ProcessApi(Processes processes, Consultations consultations, Drafts drafts) {
        this.processes = processes;
        this.consultations = consultations;
        this.drafts = drafts;
    }

    record ProcessSummary(String slug, String title) {}

    record ConsultationSummary(String id, String slug, String title, Instant opensAt, Instant closesAt,
            ConsultationStatus status) {
        static ConsultationSummary of(ConsultationView c) {
            return new ConsultationSummary(c.id(), c.slug(), c.title(), c.opensAt(), c.closesAt(), c.status());
        }
    }

    record ProcessJson(String id, String slug, String title, String summary, Instant createdAt,
            List<ConsultationSummary> consultations) {}

    record ParagraphJson(String id, int number, String text, String section) {}

    record DocumentJson(String id, int version, List<ParagraphJson> paragraphs) {
        static DocumentJson of(DocumentVersion version) {
            String section = null;
            List<ParagraphJson> paragraphs = new java.util.ArrayList<>();
            for (Block block : version.blocks()) {
                if (block.isHeading()) {
                    section = block.text();
                } else {
                    paragraphs.add(new ParagraphJson(block.paragraphId(), block.number(), block.text(), section));
                }
            }
            return new DocumentJson(version.documentId(), version.number(), paragraphs);
        }
    }

    record ConsultationJson(String id, String slug, String title, ProcessSummary process, Instant opensAt,
            Instant closesAt, ConsultationStatus status, DocumentJson document) {
        static ConsultationJson of(ConsultationView c, DocumentVersion version) {
            return new ConsultationJson(c.id(), c.slug(), c.title(), new ProcessSummary(c.processSlug(), c.processTitle()),
                    c.opensAt(), c.closesAt(), c.status(), DocumentJson.of(version));
        }
    }

    @PostMapping("/api/v1/processes")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "processCreate", summary = "Create a process",
            description = "Administrators only. 409 when the slug is taken; 422 problem `reserved-slug` (field `slug`) "
                    + "for a slug the platform uses in its own addresses (`all`, `new`).")
    ResponseEntity<ProcessJson> create(@Valid @RequestBody CreateProcess request, Actor actor) {
        ProcessView process = processes.create(request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/processes/" + process.slug())).body(json(process));
    }

    @GetMapping("/api/v1/processes")
    @PublicEndpoint("processes are public")
    @Operation(operationId = "processList", summary = "List processes",
            description = "Every process with its consultations, paged.")
    Paged<ProcessJson> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var request = Paging.of(page, size);
        var all = processes.all();
        var items = all.stream().skip(request.offset()).limit(request.size()).map(this::json).toList();
        return new Paged<>(items, page, size, all.size());
    }

    @GetMapping("/api/v1/processes/{slug}")
    @PublicEndpoint("processes are public")
    @Operation(operationId = "processProcess", summary = "One process",
            description = "The process with its consultations; `slug` is its name in URLs.")
    ProcessJson process(@PathVariable String slug) {
        return json(processes.find(slug).orElseThrow(() -> new RefusedException(
                Refusal.notFound("process-not-found", "There is no process " + slug + "."))));
    }

    @PostMapping("/api/v1/processes/{process}/consultations")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "processOpen", summary = "Open a consultation on a draft",
            description = "The secretariat of the process (or an administrator) opens a consultation with its window and the draft document (Markdown); paragraphs are numbered and get stable ids.")
    ResponseEntity<ConsultationJson> open(@PathVariable String process, @Valid @RequestBody OpenConsultation request,
            Actor actor) {
        var opened = consultations.open(process, request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/consultations/" + opened.consultation().slug()))
                .body(ConsultationJson.of(opened.consultation(), opened.document()));
    }

    @GetMapping("/api/v1/consultations/{slug}")
    @PublicEndpoint("consultations and their drafts are public")
    @Operation(operationId = "processConsultation", summary = "One consultation with its current draft",
            description = "The consultation, its status (UPCOMING, OPEN, CLOSED) and its document: the current version and every paragraph with id, number and text.")
    ConsultationJson consultation(@PathVariable String slug) {
        var consultation = consultations.find(slug).orElseThrow(() -> new RefusedException(
                Refusal.notFound("consultation-not-found", "There is no consultation " + slug + ".")));
        return ConsultationJson.of(consultation, drafts.currentVersion(consultation.documentId()).orElseThrow());
    }

    @PatchMapping("/api/v1/consultations/{slug}")
    @RequiresSignIn
    @Operation(operationId = "processChangeWindow", summary = "Change the window of a consultation",
            description = "The secretariat moves `opensAt` or `closesAt`; either may be left out.")
    ConsultationJson changeWindow(@PathVariable String slug, @RequestBody ChangeWindow request, Actor actor) {
        var consultation = consultations.changeWindow(slug, request, actor).orThrow();
        return ConsultationJson.of(consultation, drafts.currentVersion(consultation.documentId()).orElseThrow());
    }

    private ProcessJson json(ProcessView process) {
        return new ProcessJson(process.id(), process.slug(), process.title(), process.summary(), process.createdAt(),
                consultations.ofProcess(process.id()).stream().map(ConsultationSummary::of).toList());
    }
}
