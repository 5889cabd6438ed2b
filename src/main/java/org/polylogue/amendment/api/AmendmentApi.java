package org.polylogue.amendment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.polylogue.amendment.AmendmentView;
import org.polylogue.amendment.Amendments;
import org.polylogue.amendment.DisposeAmendment;
import org.polylogue.amendment.DispositionForComment;
import org.polylogue.amendment.DispositionView;
import org.polylogue.amendment.DispositionsPublished;
import org.polylogue.amendment.ProposeAmendment;
import org.polylogue.amendment.TrailEntry;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Amendments", description = "Amendments, supports, dispositions and the \"you said, we did\" trail")
class AmendmentApi {

    private static final String CONSULTATION = "/api/v1/consultations/{slug}";
    private static final String AMENDMENT = "/api/v1/amendments/{id}";
    private static final String PUBLIC = "amendments, supports and published dispositions are public; draft dispositions"
            + " are answered only to the secretariat";

    private final Amendments amendments;

    AmendmentApi(Amendments amendments) {
        this.amendments = amendments;
    }

    @Schema(example = "{\"organizationId\": \"7q3y5ttek53ve7v9\"}")
    record SupportRequest(String organizationId) {}

    @PostMapping(CONSULTATION + "/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @RateLimited(RateLimit.COMMENT_PER_ACCOUNT)
    @Operation(operationId = "amendmentPropose", summary = "Propose an amendment", description = "REPLACE (text), INSERT_AFTER (text) or DELETE a"
            + " paragraph of the current draft, with a rationale, for yourself or an organisation you represent."
            + " 409 consultation-closed outside the window, 409 paragraph-not-current for a removed paragraph.")
    ResponseEntity<AmendmentView> propose(@PathVariable String slug, @RequestBody ProposeAmendment request,
            Actor actor) {
        var created = amendments.propose(slug, request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/amendments/" + created.id())).body(created);
    }

    @GetMapping(CONSULTATION + "/amendments")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "amendmentList", summary = "List a consultation's amendments", description = "Paged, oldest first; filter by paragraphId.")
    Paged<AmendmentView> list(@PathVariable String slug, @RequestParam(required = false) String paragraphId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Actor actor) {
        return amendments.list(slug, paragraphId, Paging.of(page, size), actor).orThrow();
    }

    @GetMapping(AMENDMENT)
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "amendmentAmendment", summary = "One amendment", description = "With its redline segments against the current text, support"
            + " counts by stakeholder group and UN regional group, and its published disposition.")
    AmendmentView amendment(@PathVariable String id, Actor actor) {
        return amendments.find(id, actor).orElseThrow(() -> new RefusedException(
                Refusal.notFound("amendment-not-found", "There is no such amendment.")));
    }

    @PostMapping(AMENDMENT + "/supports")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @RateLimited(RateLimit.COMMENT_PER_ACCOUNT)
    @Operation(operationId = "amendmentSupport", summary = "Support an amendment for an organisation", description = "A representative of an"
            + " organisation other than the proposing one; while the consultation is open and no disposition is"
            + " published.")
    ResponseEntity<AmendmentView> support(@PathVariable String id, @RequestBody SupportRequest request, Actor actor) {
        var supported = amendments.support(id, request.organizationId(), actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/amendments/" + id)).body(supported);
    }

    @DeleteMapping(AMENDMENT + "/supports/{organizationId}")
    @RequiresSignIn
    @RateLimited(RateLimit.COMMENT_PER_ACCOUNT)
    @Operation(operationId = "amendmentWithdrawSupport", summary = "Withdraw an organisation's support", description = "A "
            + "representative of the supporting organisation (403 not-representative otherwise), while the "
            + "consultation is open (409 consultation-closed) and before a disposition is published (409 "
            + "amendment-disposed) or the moderators hid it (409 amendment-hidden); answers the amendment with its new support counts. 404 amendment-not-found, 404 "
            + "support-not-found when the organisation does not support it.")
    AmendmentView withdraw(@PathVariable String id, @PathVariable String organizationId, Actor actor) {
        return amendments.withdrawSupport(id, organizationId, actor).orThrow();
    }

    @PostMapping(AMENDMENT + "/disposition")
    @RequiresSignIn
    @Operation(operationId = "amendmentDispose", summary = "Give an amendment its disposition (secretariat)", description = "ACCEPTED,"
            + " PARTIALLY_ACCEPTED, REJECTED or MERGED (mergedInto another amendment of the consultation); a reason"
            + " except for ACCEPTED. A draft until the dispositions are published; changing it makes it a draft again.")
    AmendmentView dispose(@PathVariable String id, @RequestBody DisposeAmendment request, Actor actor) {
        return amendments.dispose(id, request, actor).orThrow();
    }

    @PostMapping(CONSULTATION + "/comments/{commentId}/response")
    @RequiresSignIn
    @Operation(operationId = "amendmentRespondToComment", summary = "Answer a comment (secretariat)", description = "TAKEN_INTO_ACCOUNT,"
            + " PARTLY_TAKEN_INTO_ACCOUNT, NOT_TAKEN or NO_CHANGE with a reason; a draft until published.")
    DispositionView respond(@PathVariable String slug, @PathVariable String commentId,
            @RequestBody DispositionForComment request, Actor actor) {
        return amendments.respondToComment(slug, commentId, request, actor).orThrow();
    }

    @PostMapping(CONSULTATION + "/dispositions/publication")
    @RequiresSignIn
    @Operation(operationId = "amendmentPublishDispositions", summary = "Publish the draft dispositions (secretariat)", description = "They become public on the"
            + " trail; every person whose inputs got one receives one mail listing them.")
    DispositionsPublished publish(@PathVariable String slug, Actor actor) {
        return amendments.publishDispositions(slug, actor).orThrow();
    }

    @GetMapping(CONSULTATION + "/trail")
    @PublicEndpoint("the \"you said, we did\" trail shows published dispositions only")
    @Operation(operationId = "amendmentTrail", summary = "\"You said, we did\"", description = "Every comment and amendment with its published"
            + " disposition and the paragraph of the next version it affected (CHANGED, REMOVED, NO_CHANGE,"
            + " NOT_YET_IN_NEW_VERSION, WHOLE_DOCUMENT).")
    List<TrailEntry> trail(@PathVariable String slug) {
        return amendments.trail(slug).orThrow();
    }
}
