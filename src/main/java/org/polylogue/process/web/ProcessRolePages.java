package org.polylogue.process.web;

import jakarta.servlet.http.HttpServletResponse;
import org.polylogue.process.AppointRole;
import org.polylogue.process.ProcessPermissions;
import org.polylogue.process.ProcessRole;
import org.polylogue.process.ProcessRoles;
import org.polylogue.process.RoleHolder;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The people of a process: its secretariat and moderators, with forms for those who appoint them. */
@Controller
class ProcessRolePages {

    private final ProcessRoles roles;
    private final ProcessPermissions permissions;

    ProcessRolePages(ProcessRoles roles, ProcessPermissions permissions) {
        this.roles = roles;
        this.permissions = permissions;
    }

    @GetMapping("/processes/{slug}/roles")
    @PublicEndpoint("who runs and moderates a process is public")
    String page(@PathVariable String slug, Actor actor, Model model) {
        return render(slug, actor, model, FormErrors.none(), "", "MODERATOR");
    }

    @PostMapping("/processes/{slug}/roles")
    @RequiresSignIn
    String appoint(@PathVariable String slug, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        switch (roles.appoint(slug, new AppointRole(email.strip(), role), actor)) {
            case Result.Ok<RoleHolder> ok -> {
                redirect.addFlashAttribute("message", ok.value().name() + " was appointed ("
                        + ok.value().role().label().toLowerCase(java.util.Locale.ROOT) + ").");
                return "redirect:/processes/" + slug + "/roles";
            }
            case Result.Rejected<RoleHolder> rejected -> {
                refuseOutright(rejected.refusal());
                response.setStatus(422);
                return render(slug, actor, model, FormErrors.of(rejected.refusal()), email, role);
            }
        }
    }

    @PostMapping("/processes/{slug}/roles/{role}/{accountId}/remove")
    @RequiresSignIn
    String remove(@PathVariable String slug, @PathVariable String role, @PathVariable String accountId, Actor actor,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        switch (roles.remove(slug, role, accountId, actor)) {
            case Result.Ok<RoleHolder> ok -> {
                redirect.addFlashAttribute("message", ok.value().name() + " no longer holds the role "
                        + ok.value().role().label().toLowerCase(java.util.Locale.ROOT) + ".");
                return "redirect:/processes/" + slug + "/roles";
            }
            case Result.Rejected<RoleHolder> rejected -> {
                refuseOutright(rejected.refusal());
                response.setStatus(409);
                model.addAttribute("alert", rejected.refusal().title());
                return render(slug, actor, model, FormErrors.none(), "", "MODERATOR");
            }
        }
    }

    private String render(String slug, Actor actor, Model model, FormErrors errors, String email, String role) {
        var list = roles.of(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String processId = list.process().id();
        model.addAttribute("roles", list);
        model.addAttribute("canManageSecretariat", permissions.canManageRoles(actor, processId, ProcessRole.SECRETARIAT));
        model.addAttribute("canManageModerators", permissions.canManageRoles(actor, processId, ProcessRole.MODERATOR));
        model.addAttribute("errors", errors);
        model.addAttribute("email", email);
        model.addAttribute("role", role);
        return "process/roles";
    }

    private static void refuseOutright(Refusal refusal) {
        switch (refusal.kind()) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            default -> {
                // shown on the page
            }
        }
    }
}
