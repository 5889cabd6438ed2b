package org.polylogue.stakeholder.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.stakeholder.DomainClaimSent;
import org.polylogue.stakeholder.OrganizationVerification;
import org.polylogue.stakeholder.OrganizationView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Verification of organisations: domain claims by representatives, reasons and ECOSOC status by administrators. */
@Tag(name = "Organisations")
@RestController
class OrganizationVerificationApi {

    private final OrganizationVerification verification;

    OrganizationVerificationApi(OrganizationVerification verification) {
        this.verification = verification;
    }

    @Schema(example = "{\"email\": \"ada@digitalrights.example\"}")
    record DomainClaim(String email) {}

    @Schema(example = "{\"token\": \"k3v9x2m8q4w7z1p6\"}")
    record Confirmation(String token) {}

    @Schema(example = "{\"reason\": \"Official letter from the permanent mission, 2026-11-20.\"}")
    record Reason(String reason) {}

    @Schema(example = "{\"status\": \"SPECIAL\"}")
    record Ecosoc(String status) {}

    @PostMapping("/api/v1/organizations/{id}/domain-claims")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.MAIL_PER_ACCOUNT)
    @Operation(operationId = "organizationVerificationClaimDomain", summary = "Verify an organisation by its mail domain",
            description = "A representative gives an address at the organisation's domain; a confirmation link is mailed to it. Not for member states and intergovernmental organisations.")
    ResponseEntity<DomainClaimSent> claimDomain(@PathVariable String id, @RequestBody DomainClaim request, Actor actor) {
        return ResponseEntity.accepted().body(verification.claimDomain(id, request.email(), actor).orThrow());
    }

    @PostMapping("/api/v1/organizations/domain-claims/confirmation")
    @PublicEndpoint("the token in the mail sent to the claimed domain is the credential")
    @Operation(operationId = "organizationVerificationConfirmDomain", summary = "Confirm a domain claim",
            description = "The token from the mail sent to the claimed address verifies the organisation.")
    OrganizationView confirmDomain(@RequestBody Confirmation request) {
        return verification.confirmDomain(request.token()).orThrow();
    }

    @PostMapping("/api/v1/organizations/{id}/verification")
    @RequiresSignIn
    @Operation(operationId = "organizationVerificationVerify", summary = "Verify an organisation (administrator)",
            description = "An administrator verifies the organisation with a public reason, e.g. an official letter.")
    OrganizationView verify(@PathVariable String id, @RequestBody Reason request, Actor actor) {
        return verification.verify(id, request.reason(), actor).orThrow();
    }

    @DeleteMapping("/api/v1/organizations/{id}/verification")
    @RequiresSignIn
    @Operation(operationId = "organizationVerificationRevoke", summary = "Revoke an organisation's verification",
            description = "An administrator withdraws the verification with a public reason.")
    OrganizationView revoke(@PathVariable String id, @RequestBody(required = false) Reason request, Actor actor) {
        return verification.revoke(id, request == null ? null : request.reason(), actor).orThrow();
    }

    @PutMapping("/api/v1/organizations/{id}/ecosoc-status")
    @RequiresSignIn
    @Operation(operationId = "organizationVerificationEcosocStatus", summary = "Set the ECOSOC status of an organisation",
            description = "An administrator records GENERAL, SPECIAL or ROSTER consultative status, or clears it.")
    OrganizationView ecosocStatus(@PathVariable String id, @RequestBody Ecosoc request, Actor actor) {
        return verification.setEcosocStatus(id, request.status(), actor).orThrow();
    }
}
