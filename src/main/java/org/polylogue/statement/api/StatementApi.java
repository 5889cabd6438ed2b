package org.polylogue.statement.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Joint statements", description = "Statements drafted for a lead organisation, invitations, signing and withdrawing signatures")
@RestController
class StatementApi {

    private static final String BASE = "/api/v1/statements";
    private static final String PUBLIC = "statements open for signing and their signatories are public; drafts are"
            + " answered only to the lead's representatives";

    private final JointStatements statements;

    StatementApi(JointStatements statements) {
        this.statements = statements;
    }

    @Schema(example = "{\"organizationId\": \"7q3y5ttek53ve7v9\"}")
    record OrganizationRequest(String organizationId) {}

    @Schema(example = "{\"closesAt\": \"2027-01-15T17:00:00Z\"}")
    record OpenRequest(String closesAt) {}

    record InvitationsJson(String joinPath, List<Invitation> items) {}

    @PostMapping(BASE)
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @RateLimited(RateLimit.STATEMENT_PER_ACCOUNT)
    @Operation(operationId = "statementDraft", summary = "Draft a joint statement",
            description = "A representative drafts a statement for a verified lead organisation, optionally linked to a process, consultation or paragraph. Drafts are visible to the lead only.")
    ResponseEntity<StatementView> draft(@RequestBody DraftStatement request, Actor actor) {
        var created = statements.draft(request, actor).orThrow();
        return ResponseEntity.created(URI.create(BASE + "/" + created.id())).body(created);
    }

    @GetMapping(BASE)
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "statementList", summary = "List published joint statements",
            description = "Statements open for signing or closed, newest first, paged.")
    Paged<StatementView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return statements.published(Paging.of(page, size));
    }

    @GetMapping(BASE + "/{id}")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "statementStatement", summary = "One joint statement",
            description = "The statement with its signatures; a draft is 404 except for its lead.")
    StatementView statement(@PathVariable String id, Actor actor) {
        return find(id, actor);
    }

    @PatchMapping(BASE + "/{id}")
    @RequiresSignIn
    @Operation(operationId = "statementEdit", summary = "Edit a draft statement",
            description = "The lead changes the title or text until signing opens.")
    StatementView edit(@PathVariable String id, @RequestBody EditStatement request, Actor actor) {
        return statements.edit(id, request, actor).orThrow();
    }

    @PostMapping(BASE + "/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "statementInvite", summary = "Invite an organisation to sign",
            description = "The lead invites an organisation; its representatives see the invitation.")
    ResponseEntity<Invitation> invite(@PathVariable String id, @RequestBody OrganizationRequest request, Actor actor) {
        var invitation = statements.invite(id, request.organizationId(), actor).orThrow();
        return ResponseEntity.created(URI.create(BASE + "/" + id + "/invitations")).body(invitation);
    }

    @GetMapping(BASE + "/{id}/invitations")
    @RequiresSignIn
    @Operation(operationId = "statementInvitations", summary = "The invitations of a statement",
            description = "For the lead: invited organisations and the link to share for joining.")
    InvitationsJson invitations(@PathVariable String id, Actor actor) {
        var items = statements.invitations(id, actor).orThrow();
        return new InvitationsJson(statements.joinPath(id, actor).orThrow(), items);
    }

    @PostMapping(BASE + "/{id}/signing")
    @RequiresSignIn
    @Operation(operationId = "statementOpen", summary = "Open a statement for signing",
            description = "The lead publishes the statement; the lead organisation signs first. `closesAt` is an optional planned end.")
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
    @Operation(operationId = "statementClose", summary = "Close signing",
            description = "The lead closes signing; the text and signatures are final.")
    StatementView close(@PathVariable String id, Actor actor) {
        return statements.closeSigning(id, actor).orThrow();
    }

    @PostMapping(BASE + "/{id}/signatures")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @RateLimited(RateLimit.STATEMENT_PER_ACCOUNT)
    @Operation(operationId = "statementSign", summary = "Sign a statement for an organisation",
            description = "A representative of a verified organisation signs while signing is open.")
    ResponseEntity<Signatory> sign(@PathVariable String id, @RequestBody OrganizationRequest request, Actor actor) {
        var signatory = statements.sign(id, request.organizationId(), actor).orThrow();
        return ResponseEntity.created(URI.create(BASE + "/" + id + "/signatories")).body(signatory);
    }

    @DeleteMapping(BASE + "/{id}/signatures/{organizationId}")
    @RequiresSignIn
    @RateLimited(RateLimit.STATEMENT_PER_ACCOUNT)
    @Operation(operationId = "statementWithdraw", summary = "Withdraw a signature",
            description = "A representative withdraws the organisation's signature; it stays listed with the date of withdrawal.")
    Signatory withdraw(@PathVariable String id, @PathVariable String organizationId, Actor actor) {
        return statements.withdraw(id, organizationId, actor).orThrow();
    }

    @GetMapping(BASE + "/{id}/signatories")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "statementSignatories", summary = "The signatories of a statement",
            description = "Every signature with organisation, stakeholder group, country and regional group, oldest first.")
    List<SignatoryExport.Row> signatories(@PathVariable String id, Actor actor) {
        return SignatoryExport.rows(find(id, actor));
    }

    @GetMapping(BASE + "/{id}/signatories.csv")
    @PublicEndpoint(PUBLIC)
    @Operation(operationId = "statementSignatoriesCsv", responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The file",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @Schema(type = "string"))), summary = "The signatories as CSV",
            description = "The same as the signatories, as CSV with a header row.")
    ResponseEntity<String> signatoriesCsv(@PathVariable String id, Actor actor) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(SignatoryExport.csv(find(id, actor)));
    }

    private StatementView find(String id, Actor actor) {
        return statements.find(id, actor).orElseThrow(() -> new RefusedException(
                Refusal.notFound("statement-not-found", "There is no such statement.")));
    }
}
