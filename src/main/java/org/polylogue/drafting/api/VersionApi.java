package org.polylogue.drafting.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.polylogue.drafting.AlignmentCorrection;
import org.polylogue.drafting.Drafts;
import org.polylogue.drafting.UploadVersion;
import org.polylogue.drafting.VersionSummary;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Document versions", description = "Versions of a consultation's document: uploads as Markdown, DOCX or PDF, paragraph alignment with the previous version, publication and comparison")
@RestController
class VersionApi {

    private final Drafts drafts;

    VersionApi(Drafts drafts) {
        this.drafts = drafts;
    }

    /** A Markdown version. */
    @Schema(example = "{\"format\": \"markdown\", \"text\": \"# Zero draft\\n\\nStates should cooperate to protect critical infrastructure.\"}")
    record MarkdownVersion(String format, String text) {}

    @Schema(example = "{\"paragraphs\": [{\"number\": 3, \"previousId\": \"czqc79m4za4wpv63\"}, {\"number\": 4, \"previousId\": null}]}")
    record Corrections(@NotNull @Valid List<AlignmentCorrection> paragraphs) {}

    /** Both upload handlers share one path and method, so the OpenAPI document shows them as one operation. */
    private static final String UPLOAD = "Secretariat of the process only (403 otherwise). As JSON {format: "
            + "\"markdown\", text}, or as multipart with \"file\" (and optionally \"format\": docx or pdf, which must "
            + "agree with the content; headings and paragraphs are read with Apache Tika). The version is stored as a "
            + "draft aligned with the current version: each paragraph has its change (UNCHANGED, EDITED, MOVED, SPLIT, "
            + "MERGED, NEW) and the previous paragraph it keeps the id of. 201 with the draft; 409 draft-exists while "
            + "another draft waits; 413 over the size limit (polylogue.drafting.max-upload-size), 415 for other file "
            + "types, 422 for damaged, password-protected or zip-bomb files; nothing is stored then.";

    @PostMapping(path = "/api/v1/consultations/{slug}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "versionUploadMarkdown", summary = "Upload a new version as Markdown or a DOCX or PDF "
            + "file (secretariat)", description = UPLOAD)
    ResponseEntity<VersionJson.Version> uploadMarkdown(@PathVariable String slug,
            @RequestBody MarkdownVersion request, Actor actor) {
        String format = request.format() == null ? Drafts.MARKDOWN : request.format();
        if (!format.equals(Drafts.MARKDOWN)) {
            throw new RefusedException(Refusal.invalid("format",
                    "must be \"markdown\" in JSON; upload DOCX and PDF files as multipart \"file\""));
        }
        return created(slug, drafts.upload(slug, UploadVersion.markdown(request.text()), actor).orThrow());
    }

    @PostMapping(path = "/api/v1/consultations/{slug}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "versionUploadFile", summary = "Upload a new version as Markdown or a DOCX or PDF "
            + "file (secretariat)", description = UPLOAD)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            examples = @ExampleObject(name = "docx", summary = "A Word document in the part \"file\"",
                    value = "{\"file\": \"zero-draft-rev1.docx\"}")))
    ResponseEntity<VersionJson.Version> uploadFile(@PathVariable String slug,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) String format, Actor actor) {
        if (file == null || file.isEmpty()) {
            throw new RefusedException(Refusal.invalid("file", "is missing or empty"));
        }
        return created(slug, withTemporaryFile(file, format, slug, actor));
    }

    private org.polylogue.drafting.VersionDetail withTemporaryFile(MultipartFile file, String format, String slug,
            Actor actor) {
        java.nio.file.Path path = null;
        try {
            path = Files.createTempFile("draft-upload-", ".bin");
            file.transferTo(path);
            return drafts.upload(slug, new UploadVersion(format, null, path, file.getSize()), actor).orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (path != null) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a temporary file left behind is removed with the others by the system
                }
            }
        }
    }

    private static ResponseEntity<VersionJson.Version> created(String slug, org.polylogue.drafting.VersionDetail d) {
        return ResponseEntity.created(URI.create("/api/v1/consultations/" + slug + "/versions/" + d.number()))
                .body(VersionJson.Version.of(d));
    }

    @PatchMapping("/api/v1/consultations/{slug}/versions/{number}/alignment")
    @RequiresSignIn
    @Operation(operationId = "versionCorrectAlignment", summary = "Correct the alignment of a draft version (secretariat)",
            description = "Body {paragraphs: [{number, previousId}]}: paragraph `number` of the draft keeps the id "
                    + "of `previousId` (a paragraph of the current version), or is new when previousId is null. "
                    + "Applied together, so two paragraphs can swap; an id kept twice is refused (400).")
    VersionJson.Version correct(@PathVariable String slug, @PathVariable int number,
            @RequestBody @Valid Corrections request, Actor actor) {
        return VersionJson.Version.of(drafts.correct(slug, number, request.paragraphs(), actor).orThrow());
    }

    @PostMapping("/api/v1/consultations/{slug}/versions/{number}/publication")
    @RequiresSignIn
    @Operation(operationId = "versionPublish", summary = "Publish a draft version (secretariat)",
            description = "The draft becomes the current, public version; 409 already-published the second time.")
    VersionJson.Version publish(@PathVariable String slug, @PathVariable int number, Actor actor) {
        return VersionJson.Version.of(drafts.publish(slug, number, actor).orThrow());
    }

    @DeleteMapping("/api/v1/consultations/{slug}/versions/{number}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresSignIn
    @Operation(operationId = "versionDiscard", summary = "Discard a draft version (secretariat)", description = "409 for a published version.")
    ResponseEntity<Void> discard(@PathVariable String slug, @PathVariable int number, Actor actor) {
        drafts.discard(slug, number, actor).orThrow();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/consultations/{slug}/versions")
    @PublicEndpoint("published versions of a consultation's draft are public; drafts only for the secretariat")
    @Operation(operationId = "versionList", summary = "The versions of a consultation's document, newest first",
            description = "Published versions; the secretariat also sees the waiting draft.")
    Paged<VersionSummary> versions(@PathVariable String slug, Actor actor) {
        var versions = drafts.versions(slug, actor).orThrow();
        return new Paged<>(versions, 0, Math.max(versions.size(), 1), versions.size());
    }

    @GetMapping("/api/v1/consultations/{slug}/versions/{number}")
    @PublicEndpoint("published versions of a consultation's draft are public; drafts only for the secretariat")
    @Operation(operationId = "versionVersion", summary = "One version with each paragraph's change since the previous version",
            description = "paragraphs: [{id, number, text, change, previousId?, previousNumber?, mergedIds?}], "
                    + "removed: paragraphs of the previous version that are gone; blocks: every block in order.")
    VersionJson.Version version(@PathVariable String slug, @PathVariable int number, Actor actor) {
        return VersionJson.Version.of(drafts.detail(slug, number, actor).orThrow());
    }

    @GetMapping("/api/v1/consultations/{slug}/diff")
    @PublicEndpoint("a comparison of two public versions")
    @Operation(operationId = "versionDiff", summary = "Compare two published versions paragraph by paragraph",
            description = "rows in the reading order of `to`, removed paragraphs where they stood; each with its "
                    + "change, old and new numbers and texts, a note (moved from ¶4, split from ¶7, merged into "
                    + "¶2) and word-level segments (EQUAL, INSERTED, DELETED). 404 for unknown versions.")
    VersionJson.Diff diff(@PathVariable String slug, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        if (from == null || to == null) {
            throw new RefusedException(Refusal.invalid(from == null ? "from" : "to", "is required"));
        }
        return VersionJson.Diff.of(drafts.diff(slug, from, to).orThrow());
    }
}
