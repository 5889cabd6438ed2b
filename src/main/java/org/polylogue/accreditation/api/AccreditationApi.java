package org.polylogue.accreditation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.polylogue.accreditation.AccreditationCounts;
import org.polylogue.accreditation.AccreditationEntry;
import org.polylogue.accreditation.AccreditationRequestView;
import org.polylogue.accreditation.AccreditationState;
import org.polylogue.accreditation.Accreditations;
import org.polylogue.accreditation.DecideRequest;
import org.polylogue.accreditation.ObjectToRequest;
import org.polylogue.accreditation.RequestAccreditation;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
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

@Tag(name = "Accreditation", description = "Organisations ask to be accredited to a process; member states may object; the secretariat decides; the log is public")
@RestController
class AccreditationApi {

    private static final String BASE = "/api/v1/processes/{slug}/accreditation";

    private final Accreditations accreditations;

    AccreditationApi(Accreditations accreditations) {
        this.accreditations = accreditations;
    }

    /** A page of the log: the usual paged list, with the counts of every state in the process. */
    record LogJson(List<AccreditationRequestView> items, int page, int size, long total, AccreditationCounts counts) {}

    @GetMapping(BASE)
    @PublicEndpoint("the accreditation log is public so that exclusion is never silent")
    @Operation(operationId = "accreditationLog", summary = "The accreditation log of a process",
            description = "Every request to be accredited to the process, with its objections and the decision; public so that exclusion is never silent.")
    LogJson log(@PathVariable String slug, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var request = Paging.of(page, size);
        AccreditationState filter = null;
        if (state != null && !state.isBlank()) {
            filter = AccreditationState.parse(state);
            if (filter == null) {
                throw new RefusedException(Refusal.invalid("state",
                        "must be REQUESTED, OBJECTED, ACCREDITED or NOT_ACCREDITED"));
            }
        }
        var log = accreditations.log(slug, filter, request).orElseThrow(() -> new RefusedException(
                Refusal.notFound("process-not-found", "There is no process " + slug + ".")));
        return new LogJson(log.requests(), page, size, log.total(), log.counts());
    }

    @GetMapping(BASE + "/requests/{id}")
    @PublicEndpoint("the accreditation log is public so that exclusion is never silent")
    @Operation(operationId = "accreditationRequest", summary = "One accreditation request",
            description = "A request with its statement, objections and decision.")
    AccreditationRequestView request(@PathVariable String slug, @PathVariable String id) {
        return accreditations.find(slug, id).orElseThrow(() -> new RefusedException(
                Refusal.notFound("request-not-found", "There is no such accreditation request in this process.")));
    }

    @PostMapping(BASE + "/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "accreditationRequestAccreditation", summary = "Ask to accredit an organisation to a process",
            description = "By a representative of the organisation. 409 when a request is already pending or decided.")
    ResponseEntity<AccreditationRequestView> requestAccreditation(@PathVariable String slug,
            @Valid @RequestBody RequestAccreditation request, Actor actor) {
        var created = accreditations.request(slug, request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/processes/" + slug + "/accreditation/requests/" + created.id()))
                .body(created);
    }

    @PostMapping(BASE + "/requests/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "accreditationObject", summary = "Object to an accreditation request",
            description = "By the representative of a verified member state, with an optional reason.")
    ResponseEntity<AccreditationEntry> object(@PathVariable String slug, @PathVariable String id,
            @Valid @RequestBody ObjectToRequest objection, Actor actor) {
        var entry = accreditations.object(slug, id, objection, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/processes/" + slug + "/accreditation/requests/" + id))
                .body(entry);
    }

    @DeleteMapping(BASE + "/requests/{id}/objections/{objectionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresSignIn
    @Operation(operationId = "accreditationWithdraw", summary = "Withdraw an objection",
            description = "By the member state that raised it.")
    ResponseEntity<Void> withdraw(@PathVariable String slug, @PathVariable String id, @PathVariable String objectionId,
            Actor actor) {
        accreditations.withdraw(slug, id, objectionId, actor).orThrow();
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "/requests/{id}/decision")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "accreditationDecide", summary = "Decide an accreditation request",
            description = "By the secretariat of the process: ACCREDITED or NOT_ACCREDITED (a reason is then required).")
    ResponseEntity<AccreditationEntry> decide(@PathVariable String slug, @PathVariable String id,
            @Valid @RequestBody DecideRequest decision, Actor actor) {
        var entry = accreditations.decide(slug, id, decision, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/processes/" + slug + "/accreditation/requests/" + id))
                .body(entry);
    }
}
