package org.polylogue.position.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.polylogue.position.NamedProposals;
import org.polylogue.position.PositionChanges;
import org.polylogue.position.PositionMatrix;
import org.polylogue.position.Positions;
import org.polylogue.position.Proposal;
import org.polylogue.position.RecordStance;
import org.polylogue.position.SaveProposal;
import org.polylogue.position.StanceView;
import org.polylogue.shared.Paged;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Position ledger", description = "Who stands where on the proposals of a process, with evidence")
class PositionApi {

    private static final String PUBLIC = "the position ledger is a public record of stances and their evidence";

    private final Positions positions;
    private final NamedProposals proposals;

    PositionApi(Positions positions, NamedProposals proposals) {
        this.positions = positions;
        this.proposals = proposals;
    }

    @PostMapping("/api/v1/positions")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "positionRecord", summary = "Record a stance", description = "An organisation's stance (its representative or the "
            + "process's secretariat) or your own ({\"self\": true}) on a consultation, paragraph, amendment or named "
            + "proposal, with at least one piece of evidence (422 evidence-required without). Append-only: a new "
            + "stance of the same actor on the same item supersedes the earlier one in the matrix.")
    ResponseEntity<StanceView> record(@RequestBody RecordStance request, Actor actor) {
        var stance = positions.record(request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/positions/" + stance.id())).body(stance);
    }

    @GetMapping("/api/v1/positions/{id}")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "positionStance", summary = "One stance", description = "With its evidence and whether it is still current.")
    StanceView stance(@PathVariable String id) {
        return positions.stance(id).orElseThrow(() -> new RefusedException(Refusal.notFound("stance-not-found",
                "There is no such stance.")));
    }

    @GetMapping("/api/v1/processes/{slug}/positions")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "positionMatrix", summary = "The position matrix of a process", description = "actors × items with each actor's "
            + "current stance as a cell; filter with group (stakeholder group, e.g. CIVIL_SOCIETY) and region "
            + "(regional group, e.g. AFRICAN). Amendments are not columns: `amendments` lists each amendment "
            + "with the current stances on it (its supporters).")
    PositionMatrix matrix(@PathVariable String slug, @RequestParam(required = false) String group,
            @RequestParam(required = false) String region) {
        return positions.matrix(slug, group, region).orElseThrow(() -> processNotFound(slug));
    }

    @GetMapping("/api/v1/processes/{slug}/positions/history")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "positionHistory", summary = "Every stance of a process", description = "The whole ledger, oldest first, each stance "
            + "with current true or false.")
    List<StanceView> history(@PathVariable String slug) {
        return positions.ledger(slug).orElseThrow(() -> processNotFound(slug));
    }

    @GetMapping("/api/v1/processes/{slug}/positions/changes")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "positionChanges", summary = "What changed between two dates", description = "Stances taken from `from` to `to` "
            + "(ISO dates, both included; default: the last 30 days) with the position each replaced.")
    PositionChanges changes(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LocalDate end = date("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = date("from", from, end.minusDays(30));
        return positions.changes(slug, start, end).orThrow();
    }

    @GetMapping("/api/v1/organizations/{id}/positions")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "positionOfOrganization", summary = "An organisation's stances", description = "In every process, newest first, paged.")
    Paged<StanceView> ofOrganization(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var all = positions.ofOrganization(id).orElseThrow(() -> new RefusedException(Refusal.notFound(
                "organization-not-found", "There is no such organisation.")));
        var request = Paging.of(page, size);
        int fromIndex = (int) Math.min(all.size(), request.offset());
        int toIndex = Math.min(all.size(), fromIndex + request.size());
        return new Paged<>(all.subList(fromIndex, toIndex), request.page(), request.size(), all.size());
    }

    @GetMapping("/api/v1/processes/{slug}/proposals")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "proposalList", summary = "Named proposals of a process", description = "Public. The named "
            + "proposals (id, name, description, createdAt) that stances can be recorded on, oldest first; deleted "
            + "ones are left out. 404 process-not-found.")
    List<Proposal> proposals(@PathVariable String slug) {
        return proposals.of(slug).orElseThrow(() -> processNotFound(slug));
    }

    @PostMapping("/api/v1/processes/{slug}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "proposalCreate", summary = "Create a named proposal", description = "Secretariat of the process only: {name, "
            + "description?}; 409 proposal-name-taken for a name the process already has.")
    ResponseEntity<Proposal> createProposal(@PathVariable String slug, @RequestBody SaveProposal request, Actor actor) {
        var created = proposals.create(slug, request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/proposals/{id}")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "proposalProposal", summary = "One named proposal", description = "Public: its id, process, name, "
            + "description and creation time. 404 proposal-not-found for an unknown or deleted proposal.")
    Proposal proposal(@PathVariable String id) {
        return proposals.find(id).orElseThrow(() -> new RefusedException(Refusal.notFound("proposal-not-found",
                "There is no such named proposal.")));
    }

    @PatchMapping("/api/v1/proposals/{id}")
    @RequiresSignIn
    @Operation(operationId = "proposalUpdate", summary = "Rename a named proposal", description = "Secretariat of the process only.")
    Proposal updateProposal(@PathVariable String id, @RequestBody SaveProposal request, Actor actor) {
        return proposals.update(id, request, actor).orThrow();
    }

    @DeleteMapping("/api/v1/proposals/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresSignIn
    @Operation(operationId = "proposalDelete", summary = "Delete a named proposal", description = "Secretariat of the process only; 409 "
            + "proposal-has-stances once a stance was recorded on it.")
    ResponseEntity<Void> deleteProposal(@PathVariable String id, Actor actor) {
        proposals.delete(id, actor).orThrow();
        return ResponseEntity.noContent().build();
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RefusedException(Refusal.invalid(field, "must be a date like 2026-11-30"));
        }
    }

    private static RefusedException processNotFound(String slug) {
        return new RefusedException(Refusal.notFound("process-not-found", "There is no process " + slug + "."));
    }
}
