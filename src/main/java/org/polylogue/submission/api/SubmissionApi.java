package org.polylogue.submission.api;

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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class SubmissionApi {

    private final Submissions submissions;

    SubmissionApi(Submissions submissions) {
        this.submissions = submissions;
    }

    /** Multipart: {@code file}, {@code title}, {@code summary}, optional {@code organizationId}. */
    @PostMapping(path = "/api/v1/consultations/{slug}/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresSignIn
    @RateLimited(RateLimit.SUBMISSION_PER_ACCOUNT)
    ResponseEntity<SubmissionView> upload(@PathVariable String slug,
            @RequestPart(name = "file", required = false) @org.jspecify.annotations.Nullable MultipartFile file,
            @RequestParam(required = false) String title, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String organizationId, Actor actor) {
        var request = new UploadSubmission(title, summary, organizationId,
                file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(),
                file == null || file.isEmpty() ? null : file);
        SubmissionView submission = submissions.upload(slug, request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + submission.id())).body(submission);
    }

    @GetMapping("/api/v1/consultations/{slug}/submissions")
    @PublicEndpoint("written submissions are public the moment they are accepted")
    Paged<SubmissionView> list(@PathVariable String slug, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return submissions.list(slug, Paging.of(page, size)).orThrow();
    }

    @GetMapping("/api/v1/submissions/{id}")
    @PublicEndpoint("written submissions are public the moment they are accepted")
    SubmissionView submission(@PathVariable String id) {
        return submissions.find(id).orThrow();
    }

    @GetMapping("/api/v1/submissions/{id}/file")
    @PublicEndpoint("the original file of a public submission, as an attachment")
    ResponseEntity<Resource> file(@PathVariable String id) {
        return Downloads.attachment(submissions.file(id).orThrow());
    }
}
