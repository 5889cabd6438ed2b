package org.polylogue.contribution.api;

import java.net.URI;
import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.Comments;
import org.polylogue.contribution.ImportReport;
import org.polylogue.contribution.SubmitComment;
import org.polylogue.shared.Paged;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommentApi {

    private final Comments comments;

    CommentApi(Comments comments) {
        this.comments = comments;
    }

    @PostMapping("/api/v1/consultations/{slug}/comments")
    @RequiresSignIn
    @RateLimited({RateLimit.COMMENT_PER_ACCOUNT, RateLimit.COMMENT_PER_ADDRESS})
    ResponseEntity<CommentView> submit(@PathVariable String slug, @RequestBody SubmitComment request, Actor actor) {
        CommentView comment = comments.submit(slug, request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/consultations/" + slug + "/comments/" + comment.id()))
                .body(comment);
    }

    @GetMapping("/api/v1/consultations/{slug}/comments")
    @PublicEndpoint("comments are public the moment they are submitted")
    Paged<CommentView> list(@PathVariable String slug, @RequestParam(required = false) String paragraphId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Actor actor) {
        return comments.list(slug, paragraphId, Paging.of(page, size), actor).orThrow();
    }

    @GetMapping("/api/v1/consultations/{slug}/comments/{id}")
    @PublicEndpoint("comments are public the moment they are submitted")
    CommentView comment(@PathVariable String slug, @PathVariable String id, Actor actor) {
        return comments.find(slug, id, actor).orThrow();
    }

    /** Body {@code {"body"}}: the author corrects their comment while the consultation is open. */
    record EditComment(String body) {}

    @org.springframework.web.bind.annotation.PatchMapping("/api/v1/consultations/{slug}/comments/{id}")
    @RequiresSignIn
    @RateLimited(RateLimit.COMMENT_PER_ACCOUNT)
    CommentView edit(@PathVariable String slug, @PathVariable String id, @RequestBody EditComment request,
            Actor actor) {
        return comments.edit(slug, id, request.body(), actor).orThrow();
    }

    @GetMapping("/api/v1/consultations/{slug}/comments/{id}/revisions")
    @PublicEndpoint("earlier texts of a public comment stay public: the record is not rewritten")
    java.util.List<org.polylogue.contribution.CommentRevision> revisions(@PathVariable String slug,
            @PathVariable String id) {
        return comments.revisions(slug, id).orThrow();
    }

    @PostMapping(path = "/api/v1/consultations/{slug}/comments/import",
            consumes = {"application/x-ndjson", "application/jsonl", "application/json", "text/plain"})
    @RequiresSignIn
    @RateLimited(RateLimit.IMPORT_PER_ACCOUNT)
    ImportReport importComments(@PathVariable String slug, @RequestBody String jsonLines, Actor actor) {
        return comments.importLines(slug, jsonLines, actor).orThrow();
    }
}
