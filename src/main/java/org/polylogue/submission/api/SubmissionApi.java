package org.polylogue.submission.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.polylogue.shared.Paged;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.Paging;
import org.polylogue.submission.SubmissionView;
import org.polylogue.submission.Submissions;
import org.polylogue.submission.UploadSubmission;
import org.polylogue.submission.web.Downloads;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Written submissions", description = "Files (PDF, DOCX, ODT, text) submitted to a consultation, with the text extracted from them")
@RestController
class SubmissionApi {

    /** The multipart form of an upload, for the OpenAPI document only. */
    @Schema(description = "A written submission", example = "{\"title\": \"Position paper on norms\", "
            + "\"summary\": \"What we propose, in short.\", \"organizationId\": \"7q3y5ttek53ve7v9\"}")
    record UploadForm(@Schema(type = "string", format = "binary", description = "PDF, DOCX, ODT or plain text") String file,
            @Schema(example = "Position paper on norms") String title,
            @Schema(example = "What we propose, in short.") String summary,
            @Schema(example = "7q3y5ttek53ve7v9", description = "The organisation submitting, if any") String organizationId) {}

    private final Submissions submissions;

    SubmissionApi(Submissions submissions) {
        this.submissions = submissions;
    }

    /** Multipart: {@code file}, {@code title}, {@code summary}, optional {@code organizationId}. */
    @PostMapping(path = "/api/v1/consultations/{slug}/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @RateLimited(RateLimit.SUBMISSION_PER_ACCOUNT)
    @Operation(operationId = "submissionUpload", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = UploadForm.class))), summary = "Upload a written submission",
            description = "Multipart form with `file` (PDF, DOCX, ODT or plain text, type detected from the content), `title`, `summary` and optionally `organizationId`. The text is extracted and kept for search. 422 for an unaccepted or unreadable file.")
    ResponseEntity<SubmissionView> upload(@PathVariable String slug,
            @RequestPart(name = "file", required = false) @org.jspecify.annotations.Nullable MultipartFile file,
            @Parameter(hidden = true) @RequestParam(required = false) String title,
            @Parameter(hidden = true) @RequestParam(required = false) String summary,
            @Parameter(hidden = true) @RequestParam(required = false) String organizationId, Actor actor) {
        var request = new UploadSubmission(title, summary, organizationId,
                file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(),
                file == null || file.isEmpty() ? null : file);
        SubmissionView submission = submissions.upload(slug, request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + submission.id())).body(submission);
    }

    @GetMapping("/api/v1/consultations/{slug}/submissions")
    @PublicEndpoint("written submissions are public the moment they are accepted")
    @Operation(operationId = "submissionList", summary = "List the submissions to a consultation",
            description = "Paged, oldest first; hidden ones show the notice.")
    Paged<SubmissionView> list(@PathVariable String slug, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return submissions.list(slug, Paging.of(page, size)).orThrow();
    }

    @GetMapping("/api/v1/submissions/{id}")
    @PublicEndpoint("written submissions are public the moment they are accepted")
    @Operation(operationId = "submissionSubmission", summary = "One submission",
            description = "Its title, summary, file details, language and extracted text.")
    SubmissionView submission(@PathVariable String id) {
        return submissions.find(id).orThrow();
    }

    @GetMapping("/api/v1/submissions/{id}/file")
    @PublicEndpoint("the original file of a public submission, as an attachment")
    @Operation(operationId = "submissionFile", responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The file",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))), summary = "Download the original file of a submission",
            description = "The uploaded bytes with their detected media type, as an attachment.")
    ResponseEntity<Resource> file(@PathVariable String id) {
        return Downloads.attachment(submissions.file(id).orThrow());
    }
}
