package org.polylogue.contribution.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Comments", description = "Comments on a consultation, on a paragraph or the whole document, their revisions, and imports by the secretariat")
@RestController
class CommentApi {

    static final String IMPORT_EXAMPLE = """
            {"externalId": "mail-2026-041", "author": "Jane Doe", "organization": "Cyber Peace Institute", \
            "stakeholderGroup": "CIVIL_SOCIETY", "country": "CH", "body": "Paragraph 2 should mention hospitals.", \
            "submittedAt": "2026-11-20T10:00:00Z"}
            {"externalId": "paper-2026-007", "author": "Ministry of Foreign Affairs", "body": "We support the draft.", \
            "submittedAt": "2026-11-21T15:30:00Z"}
            """;

    private final Comments comments;

    CommentApi(Comments comments) {
        this.comments = comments;
    }

    @PostMapping("/api/v1/consultations/{slug}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @RateLimited({RateLimit.COMMENT_PER_ACCOUNT, RateLimit.COMMENT_PER_ADDRESS})
    @Operation(operationId = "commentSubmit", summary = "Comment on a consultation",
            description = "On a paragraph (`paragraphId`) or the whole document, personally or for an organisation one represents (`organizationId`). 409 problem `consultation-closed` outside the window; 403 `email-not-confirmed` before the address is confirmed.")
    ResponseEntity<CommentView> submit(@PathVariable String slug, @RequestBody SubmitComment request, Actor actor) {
        CommentView comment = comments.submit(slug, request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/consultations/" + slug + "/comments/" + comment.id()))
                .body(comment);
    }

    @GetMapping("/api/v1/consultations/{slug}/comments")
    @PublicEndpoint("comments are public the moment they are submitted")
    @Operation(operationId = "commentList", summary = "List the comments of a consultation",
            description = "Paged, oldest first; `paragraphId` limits to one paragraph. Hidden comments are replaced by the moderators' notice.")
    Paged<CommentView> list(@PathVariable String slug, @RequestParam(required = false) String paragraphId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Actor actor) {
        return comments.list(slug, paragraphId, Paging.of(page, size), actor).orThrow();
    }

    @GetMapping("/api/v1/consultations/{slug}/comments/{id}")
    @PublicEndpoint("comments are public the moment they are submitted")
    @Operation(operationId = "commentComment", summary = "One comment",
            description = "The comment with its author (public name), organisation, paragraph and text; a hidden comment shows the notice.")
    CommentView comment(@PathVariable String slug, @PathVariable String id, Actor actor) {
        return comments.find(slug, id, actor).orThrow();
    }

    /** Body {@code {"body"}}: the author corrects their comment while the consultation is open. */
    @Schema(example = "{\"body\": \"Paragraph 3 should name the public core of the internet, as in 2015.\"}")
    record EditComment(String body) {}

    @org.springframework.web.bind.annotation.PatchMapping("/api/v1/consultations/{slug}/comments/{id}")
    @RequiresSignIn
    @RateLimited(RateLimit.COMMENT_PER_ACCOUNT)
    @Operation(operationId = "commentEdit", summary = "Correct my comment",
            description = "The author replaces the text of their comment while the consultation is open; the earlier "
                    + "text is kept as a revision. 403 for someone else's comment, 409 once the consultation closed.")
    CommentView edit(@PathVariable String slug, @PathVariable String id, @RequestBody EditComment request,
            Actor actor) {
        return comments.edit(slug, id, request.body(), actor).orThrow();
    }

    @GetMapping("/api/v1/consultations/{slug}/comments/{id}/revisions")
    @PublicEndpoint("earlier texts of a public comment stay public: the record is not rewritten")
    @Operation(operationId = "commentRevisions", summary = "The earlier texts of a comment",
            description = "Every text a comment had before its author corrected it, newest first.")
    java.util.List<org.polylogue.contribution.CommentRevision> revisions(@PathVariable String slug,
            @PathVariable String id) {
        return comments.revisions(slug, id).orThrow();
    }

    @PostMapping(path = "/api/v1/consultations/{slug}/comments/import",
            consumes = {"application/x-ndjson", "application/jsonl", "application/json", "text/plain"})
    @RequiresSignIn
    @RateLimited(RateLimit.IMPORT_PER_ACCOUNT)
    @Operation(operationId = "commentImportComments", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "JSON Lines: one comment per line", required = true, content = {
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"), examples = @ExampleObject(IMPORT_EXAMPLE)),
                @Content(mediaType = "application/jsonl", schema = @Schema(type = "string"), examples = @ExampleObject(IMPORT_EXAMPLE)),
                @Content(mediaType = "application/json", schema = @Schema(type = "string"), examples = @ExampleObject(IMPORT_EXAMPLE)),
                @Content(mediaType = "text/plain", schema = @Schema(type = "string"), examples = @ExampleObject(IMPORT_EXAMPLE))}), summary = "Import comments received by mail or on paper",
            description = "The secretariat posts JSON Lines, one comment per line; idempotent by `externalId` (a line already imported is skipped). Answers with how many were imported, skipped and refused, with the reason per line.")
    ImportReport importComments(@PathVariable String slug, @RequestBody String jsonLines, Actor actor) {
        return comments.importLines(slug, jsonLines, actor).orThrow();
    }
}
