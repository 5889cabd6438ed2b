package org.polylogue.stakeholder.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.stakeholder.CreateOrganization;
import org.polylogue.stakeholder.Member;
import org.polylogue.stakeholder.MemberRole;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Organisations", description = "Organisations, their members and representatives, and their verification")
@RestController
class OrganizationApi {

    private final Organizations organizations;

    OrganizationApi(Organizations organizations) {
        this.organizations = organizations;
    }

    @Schema(example = "{\"email\": \"colleague@example.org\", \"role\": \"MEMBER\"}")
    record AddMember(@NotBlank(message = "is required") String email, String role) {}

    @Schema(example = "{\"role\": \"REPRESENTATIVE\"}")
    record ChangeRole(String role) {}

    @PostMapping("/api/v1/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "organizationCreate", summary = "Register an organisation",
            description = "The caller becomes its representative. `type` is a stakeholder group; `country` an ISO 3166-1 alpha-2 code.")
    ResponseEntity<OrganizationView> create(@Valid @RequestBody CreateOrganization request, Actor actor) {
        var organization = organizations.create(request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.id())).body(organization);
    }

    @GetMapping("/api/v1/organizations/{id}")
    @PublicEndpoint("the registry of organisations is public")
    @Operation(operationId = "organizationFind", summary = "One organisation",
            description = "Its name, stakeholder group, country, regional group, verification and ECOSOC status.")
    OrganizationView find(@PathVariable String id) {
        return organizations.find(id).orElseThrow(() -> new RefusedException(
                Refusal.notFound("organization-not-found", "There is no such organisation.")));
    }

    @PostMapping("/api/v1/organizations/{id}/members")
    @RequiresSignIn
    @Operation(operationId = "organizationAddMember", summary = "Invite someone to an organisation",
            description = "A representative invites a registered person by email as MEMBER or REPRESENTATIVE; the answer is the same whether or not the address is registered.")
    OrganizationView addMember(@PathVariable String id, @Valid @RequestBody AddMember request, Actor actor) {
        return organizations.addMember(id, request.email(), parseRole(request.role(), MemberRole.MEMBER), actor)
                .orThrow();
    }

    @GetMapping("/api/v1/organizations/invitations")
    @RequiresSignIn
    @Operation(operationId = "organizationInvitations", summary = "My pending invitations",
            description = "Organisations that invited the signed-in person.")
    List<org.polylogue.stakeholder.Invitation> invitations(Actor actor) {
        return organizations.invitations(actor);
    }

    @PostMapping("/api/v1/organizations/{id}/invitation")
    @RequiresSignIn
    @Operation(operationId = "organizationAcceptInvitation", summary = "Accept an invitation to an organisation",
            description = "The signed-in person joins the organisation with the role offered.")
    OrganizationView acceptInvitation(@PathVariable String id, Actor actor) {
        return organizations.acceptInvitation(id, actor).orThrow();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/organizations/{id}/invitation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresSignIn
    @Operation(operationId = "organizationDeclineInvitation", summary = "Decline an invitation to an organisation",
            description = "The signed-in person declines the organisation's pending invitation; 404 when there is none.")
    org.springframework.http.ResponseEntity<Void> declineInvitation(@PathVariable String id, Actor actor) {
        organizations.declineInvitation(id, actor).orThrow();
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/organizations/{id}/members")
    @PublicEndpoint("who speaks for an organisation is public (under their public names)")
    @Operation(operationId = "organizationMembers", summary = "Who speaks for an organisation",
            description = "Its members and representatives under their public names.")
    List<Member> members(@PathVariable String id) {
        find(id);
        return organizations.members(id);
    }

    @PatchMapping("/api/v1/organizations/{id}/members/{accountId}")
    @RequiresSignIn
    @Operation(operationId = "organizationChangeRole", summary = "Change a member's role",
            description = "A representative makes a member a REPRESENTATIVE or a MEMBER; an organisation keeps at least one representative.")
    Member changeRole(@PathVariable String id, @PathVariable String accountId, @RequestBody ChangeRole request,
            Actor actor) {
        return organizations.changeRole(id, accountId, parseRole(request.role(), null), actor).orThrow();
    }

    @DeleteMapping("/api/v1/organizations/{id}/members/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresSignIn
    @Operation(operationId = "organizationRemove", summary = "Remove a member from an organisation",
            description = "By a representative (or the member leaving); the last representative cannot be removed.")
    ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String accountId, Actor actor) {
        organizations.removeMember(id, accountId, actor).orThrow();
        return ResponseEntity.noContent().build();
    }

    private static MemberRole parseRole(String role, MemberRole absent) {
        if (role == null && absent != null) {
            return absent;
        }
        try {
            return MemberRole.valueOf(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.invalid("role", "must be REPRESENTATIVE or MEMBER"));
        }
    }
}
