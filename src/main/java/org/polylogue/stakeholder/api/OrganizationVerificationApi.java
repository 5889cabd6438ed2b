package org.polylogue.stakeholder.api;

import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.stakeholder.DomainClaimSent;
import org.polylogue.stakeholder.OrganizationVerification;
import org.polylogue.stakeholder.OrganizationView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Verification of organisations: domain claims by representatives, reasons and ECOSOC status by administrators. */
@RestController
class OrganizationVerificationApi {

    private final OrganizationVerification verification;

    OrganizationVerificationApi(OrganizationVerification verification) {
        this.verification = verification;
    }

    record DomainClaim(String email) {}

    record Confirmation(String token) {}

    record Reason(String reason) {}

    record Ecosoc(String status) {}

    @PostMapping("/api/v1/organizations/{id}/domain-claims")
    @RequiresSignIn
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.MAIL_PER_ACCOUNT)
    ResponseEntity<DomainClaimSent> claimDomain(@PathVariable String id, @RequestBody DomainClaim request, Actor actor) {
        return ResponseEntity.accepted().body(verification.claimDomain(id, request.email(), actor).orThrow());
    }

    @PostMapping("/api/v1/organizations/domain-claims/confirmation")
    @PublicEndpoint("the token in the mail sent to the claimed domain is the credential")
    OrganizationView confirmDomain(@RequestBody Confirmation request) {
        return verification.confirmDomain(request.token()).orThrow();
    }

    @PostMapping("/api/v1/organizations/{id}/verification")
    @RequiresSignIn
    OrganizationView verify(@PathVariable String id, @RequestBody Reason request, Actor actor) {
        return verification.verify(id, request.reason(), actor).orThrow();
    }

    @DeleteMapping("/api/v1/organizations/{id}/verification")
    @RequiresSignIn
    OrganizationView revoke(@PathVariable String id, @RequestBody(required = false) Reason request, Actor actor) {
        return verification.revoke(id, request == null ? null : request.reason(), actor).orThrow();
    }

    @PutMapping("/api/v1/organizations/{id}/ecosoc-status")
    @RequiresSignIn
    OrganizationView ecosocStatus(@PathVariable String id, @RequestBody Ecosoc request, Actor actor) {
        return verification.setEcosocStatus(id, request.status(), actor).orThrow();
    }
}
