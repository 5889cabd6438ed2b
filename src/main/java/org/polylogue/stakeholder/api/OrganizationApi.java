package org.polylogue.stakeholder.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.stakeholder.CreateOrganization;
import org.polylogue.stakeholder.MemberRole;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrganizationApi {

    private final Organizations organizations;

    OrganizationApi(Organizations organizations) {
        this.organizations = organizations;
    }

    record AddMember(@NotBlank(message = "is required") String email, String role) {}

    @PostMapping("/api/v1/organizations")
    @RequiresSignIn
    ResponseEntity<OrganizationView> create(@Valid @RequestBody CreateOrganization request, Actor actor) {
        var organization = organizations.create(request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.id())).body(organization);
    }

    @GetMapping("/api/v1/organizations/{id}")
    @PublicEndpoint("the registry of organisations is public")
    OrganizationView find(@PathVariable String id) {
        return organizations.find(id).orElseThrow(() -> new RefusedException(
                Refusal.notFound("organization-not-found", "There is no such organisation.")));
    }

    @PostMapping("/api/v1/organizations/{id}/members")
    @RequiresSignIn
    OrganizationView addMember(@PathVariable String id, @Valid @RequestBody AddMember request, Actor actor) {
        MemberRole role;
        try {
            role = request.role() == null ? MemberRole.MEMBER : MemberRole.valueOf(request.role());
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.invalid("role", "must be REPRESENTATIVE or MEMBER"));
        }
        return organizations.addMember(id, request.email(), role, actor).orThrow();
    }
}
