package org.polylogue.process.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.polylogue.process.AppointRole;
import org.polylogue.process.ProcessRoles;
import org.polylogue.process.RoleHolder;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Processes and consultations")
@RestController
class ProcessRoleApi {

    private final ProcessRoles roles;

    ProcessRoleApi(ProcessRoles roles) {
        this.roles = roles;
    }

    record RolesJson(String process, List<RoleHolder> secretariat, List<RoleHolder> moderators) {}

    @GetMapping("/api/v1/processes/{slug}/roles")
    @PublicEndpoint("who runs and moderates a process is public")
    @Operation(operationId = "processRoleList", summary = "Who holds a role in a process",
            description = "The secretariat and the moderators of the process, by public name; roles are public.")
    RolesJson list(@PathVariable String slug) {
        var list = roles.of(slug).orElseThrow(() -> new RefusedException(
                Refusal.notFound("process-not-found", "There is no process " + slug + ".")));
        return new RolesJson(list.process().slug(), list.secretariat(), list.moderators());
    }

    @PostMapping("/api/v1/processes/{slug}/roles")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresSignIn
    @Operation(operationId = "processRoleAppoint", summary = "Appoint someone to a process role",
            description = "SECRETARIAT (by an administrator) or MODERATOR (by the secretariat); the person must be registered.")
    ResponseEntity<RoleHolder> appoint(@PathVariable String slug, @Valid @RequestBody AppointRole request, Actor actor) {
        var holder = roles.appoint(slug, request, actor).orThrow();
        return ResponseEntity.created(URI.create("/api/v1/processes/" + slug + "/roles")).body(holder);
    }

    @DeleteMapping("/api/v1/processes/{slug}/roles/{role}/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresSignIn
    @Operation(operationId = "processRoleRemove", summary = "Remove someone from a process role",
            description = "By whoever may appoint to that role.")
    ResponseEntity<Void> remove(@PathVariable String slug, @PathVariable String role, @PathVariable String accountId,
            Actor actor) {
        roles.remove(slug, role, accountId, actor).orThrow();
        return ResponseEntity.noContent().build();
    }
}
