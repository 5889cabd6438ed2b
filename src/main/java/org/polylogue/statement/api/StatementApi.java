package org.polylogue.statement.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.Paging;
import org.polylogue.statement.DraftStatement;
import org.polylogue.statement.EditStatement;
import org.polylogue.statement.Invitation;
import org.polylogue.statement.JointStatements;
import org.polylogue.statement.Signatory;
import org.polylogue.statement.SignatoryExport;
import org.polylogue.statement.StatementView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatementApi {

    private static final String BASE = "/api/v1/statements";
    private static final String PUBLIC = "statements open for signing and their signatories are public; drafts are"
            + " answered only to the lead's representatives";

    private final JointStatements statements;

    StatementApi(JointStatements statements) {
        this.statements = statements;
    }

    record OrganizationRequest(String organizationId) {}

    record OpenRequest(String closesAt) {}

    record InvitationsJson(String joinPath, List<Invitation> items) {}

    @PostMapping(BASE)
    @RequiresSignIn
    @RateLimited(RateLimit.STATEMENT_PER_ACCOUNT)
    ResponseEntity<StatementView> draft(@RequestBody DraftStatement request, Actor actor) {
        var created = statements.draft(request, actor).orThrow();
        return ResponseEntity.created(URI.create(BASE + "/" + created.id())).body(created);
    }

    @GetMapping(BASE)
    @PublicEndpoint(PUBLIC)
    Paged<StatementView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return statements.published(Paging.of(page, size));
    }

    @GetMapping(BASE + "/{id}")
    @PublicEndpoint(PUBLIC)
    StatementView statement(@PathVariable String id, Actor actor) {
        return find(id, actor);
    }

    @PatchMapping(BASE + "/{id}")
    @RequiresSignIn
    StatementView edit(@PathVariable String id, @RequestBody EditStatement request, Actor actor) {
        return statements.edit(id, request, actor).orThrow();
    }

    @PostMapping(BASE + "/{id}/invitations")
    @RequiresSignIn
    ResponseEntity<Invitation> invite(@PathVariable String id, @RequestBody OrganizationRequest request, Actor actor) {
        var invitation = statements.invite(id, request.organizationId(), actor).orThrow();
        return ResponseEntity.created(URI.create(BASE + "/" + id + "/invitations")).body(invitation);
    }

    @GetMapping(BASE + "/{id}/invitations")
    @RequiresSignIn
    InvitationsJson invitations(@PathVariable String id, Actor actor) {
        var items = statements.invitations(id, actor).orThrow();
        return new InvitationsJson(statements.joinPath(id, actor).orThrow(), items);
    }

    @PostMapping(BASE + "/{id}/signing")
    @RequiresSignIn
    StatementView open(@PathVariable String id, @RequestBody(required = false) OpenRequest request, Actor actor) {
        java.time.Instant closesAt = null;
        if (request != null && request.closesAt() != null && !request.closesAt().isBlank()) {
            try {
                closesAt = OffsetDateTime.parse(request.closesAt()).toInstant();
            } catch (DateTimeParseException e) {
                throw new RefusedException(Refusal.invalid("closesAt", "must be an ISO-8601 timestamp with offset"));
            }
        }
        return statements.openSigning(id, closesAt, actor).orThrow();
    }

    @PostMapping(BASE + "/{id}/signing/close")
    @RequiresSignIn
    StatementView close(@PathVariable String id, Actor actor) {
        return statements.closeSigning(id, actor).orThrow();
    }

    @PostMapping(BASE + "/{id}/signatures")
    @RequiresSignIn
    @RateLimited(RateLimit.STATEMENT_PER_ACCOUNT)
    ResponseEntity<Signatory> sign(@PathVariable String id, @RequestBody OrganizationRequest request, Actor actor) {
        var signatory = statements.sign(id, request.organizationId(), actor).orThrow();
        return ResponseEntity.created(URI.create(BASE + "/" + id + "/signatories")).body(signatory);
    }

    @DeleteMapping(BASE + "/{id}/signatures/{organizationId}")
    @RequiresSignIn
    @RateLimited(RateLimit.STATEMENT_PER_ACCOUNT)
    Signatory withdraw(@PathVariable String id, @PathVariable String organizationId, Actor actor) {
        return statements.withdraw(id, organizationId, actor).orThrow();
    }

    @GetMapping(BASE + "/{id}/signatories")
    @PublicEndpoint(PUBLIC)
    List<SignatoryExport.Row> signatories(@PathVariable String id, Actor actor) {
        return SignatoryExport.rows(find(id, actor));
    }

    @GetMapping(BASE + "/{id}/signatories.csv")
    @PublicEndpoint(PUBLIC)
    ResponseEntity<String> signatoriesCsv(@PathVariable String id, Actor actor) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(SignatoryExport.csv(find(id, actor)));
    }

    private StatementView find(String id, Actor actor) {
        return statements.find(id, actor).orElseThrow(() -> new RefusedException(
                Refusal.notFound("statement-not-found", "There is no such statement.")));
    }
}
