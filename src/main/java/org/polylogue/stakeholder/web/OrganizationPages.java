package org.polylogue.stakeholder.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.stakeholder.Country;
import org.polylogue.stakeholder.CreateOrganization;
import org.polylogue.stakeholder.MemberRole;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.stakeholder.StakeholderGroup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
class OrganizationPages {

    private final Organizations organizations;
    private final OrganizationPageModel page;
    private final Validator validator;

    OrganizationPages(Organizations organizations, OrganizationPageModel page, Validator validator) {
        this.organizations = organizations;
        this.page = page;
        this.validator = validator;
    }

    @GetMapping("/organizations/{id}")
    @PublicEndpoint("the registry of organisations and their contributions are public")
    String organization(@PathVariable String id, Actor actor, Model model,
            @RequestParam(name = "member-added", required = false) String memberAdded,
            @RequestParam(required = false) String done) {
        model.addAttribute("memberAdded", memberAdded != null);
        return page.fill(model, id, actor, done);
    }

    @GetMapping("/organizations/new")
    @RequiresSignIn
    String newForm(Model model) {
        return form(model, new CreateOrganization("", "CIVIL_SOCIETY", ""), FormErrors.none());
    }

    @PostMapping("/organizations")
    @RequiresSignIn
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String country, Actor actor, Model model, HttpServletResponse response) {
        var request = new CreateOrganization(name, type, country);
        var errors = FormErrors.validate(validator, request);
        if (errors.isEmpty()) {
            switch (organizations.create(request, actor)) {
                case Result.Ok<OrganizationView> ok -> {
                    return "redirect:/organizations/" + ok.value().id();
                }
                case Result.Rejected<OrganizationView> rejected -> errors = FormErrors.of(rejected.refusal());
            }
        }
        response.setStatus(422);
        return form(model, request, errors);
    }

    @PostMapping("/organizations/{id}/members")
    @RequiresSignIn
    String addMember(@PathVariable String id, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "MEMBER") String role, Actor actor, Model model, HttpServletResponse response) {
        MemberRole memberRole = "REPRESENTATIVE".equals(role) ? MemberRole.REPRESENTATIVE : MemberRole.MEMBER;
        switch (organizations.addMember(id, email, memberRole, actor)) {
            case Result.Ok<OrganizationView> ok -> {
                return "redirect:/organizations/" + id + "?member-added";
            }
            case Result.Rejected<OrganizationView> rejected -> {
                Refusal refusal = rejected.refusal();
                if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                }
                if (refusal.kind() == Refusal.Kind.FORBIDDEN) {
                    throw new ResponseStatusException(HttpStatus.FORBIDDEN);
                }
                model.addAttribute("errors", FormErrors.of(refusal));
                model.addAttribute("memberEmail", email);
                response.setStatus(422);
                return page.fill(model, id, actor, null);
            }
        }
    }

    @GetMapping("/organizations/invitations")
    @RequiresSignIn
    String invitations(Actor actor, Model model, @RequestParam(required = false) String done) {
        model.addAttribute("invitations", organizations.invitations(actor));
        model.addAttribute("done", done == null ? "" : done);
        return "stakeholder/invitations";
    }

    @PostMapping("/organizations/{id}/invitation/accept")
    @RequiresSignIn
    String acceptInvitation(@PathVariable String id, Actor actor) {
        return switch (organizations.acceptInvitation(id, actor)) {
            case Result.Ok<OrganizationView> ok -> "redirect:/organizations/" + id + "?done=joined";
            case Result.Rejected<OrganizationView> rejected -> "redirect:/organizations/invitations?done=gone";
        };
    }

    @PostMapping("/organizations/{id}/invitation/decline")
    @RequiresSignIn
    String declineInvitation(@PathVariable String id, Actor actor) {
        organizations.declineInvitation(id, actor);
        return "redirect:/organizations/invitations?done=declined";
    }

    @PostMapping("/organizations/{id}/members/{accountId}/role")
    @RequiresSignIn
    String changeRole(@PathVariable String id, @PathVariable String accountId,
            @RequestParam(defaultValue = "") String role, Actor actor, Model model, HttpServletResponse response) {
        MemberRole memberRole = "REPRESENTATIVE".equals(role) ? MemberRole.REPRESENTATIVE : MemberRole.MEMBER;
        return switch (organizations.changeRole(id, accountId, memberRole, actor)) {
            case Result.Ok<?> ok -> "redirect:/organizations/" + id + "?done=role#people";
            case Result.Rejected<?> rejected -> refused(rejected.refusal(), id, actor, model, response);
        };
    }

    @PostMapping("/organizations/{id}/members/{accountId}/removal")
    @RequiresSignIn
    String remove(@PathVariable String id, @PathVariable String accountId, Actor actor, Model model,
            HttpServletResponse response) {
        return switch (organizations.removeMember(id, accountId, actor)) {
            case Result.Ok<?> ok -> "redirect:/organizations/" + id + "?done=removed#people";
            case Result.Rejected<?> rejected -> refused(rejected.refusal(), id, actor, model, response);
        };
    }

    /** A refused member change: 404 and 403 as such, otherwise the page with the reason at its top. */
    private String refused(Refusal refusal, String id, Actor actor, Model model, HttpServletResponse response) {
        if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (refusal.kind() == Refusal.Kind.FORBIDDEN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("errors", new FormErrors(java.util.Map.of("", refusal.title())));
        response.setStatus(refusal.kind() == Refusal.Kind.CONFLICT ? 409 : 422);
        return page.fill(model, id, actor, null);
    }

    private String form(Model model, CreateOrganization request, FormErrors errors) {
        model.addAttribute("form", request);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", StakeholderGroup.values());
        model.addAttribute("countries", Country.all());
        return "stakeholder/new";
    }
}
