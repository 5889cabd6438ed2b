package org.polylogue.stakeholder.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.stakeholder.Country;
import org.polylogue.stakeholder.CreateOrganization;
import org.polylogue.stakeholder.MemberRole;
import org.polylogue.stakeholder.OrganizationActivity;
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
    private final List<OrganizationActivity> activities;
    private final Validator validator;

    OrganizationPages(Organizations organizations, List<OrganizationActivity> activities, Validator validator) {
        this.organizations = organizations;
        this.activities = activities;
        this.validator = validator;
    }

    @GetMapping("/organizations/{id}")
    @PublicEndpoint("the registry of organisations and their contributions are public")
    String organization(@PathVariable String id, Actor actor, Model model,
            @RequestParam(name = "member-added", required = false) String memberAdded) {
        model.addAttribute("memberAdded", memberAdded != null);
        OrganizationView organization = organizations.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<OrganizationActivity.Item> items = new ArrayList<>();
        activities.forEach(activity -> items.addAll(activity.recent(id, 50)));
        items.sort(Comparator.comparing(OrganizationActivity.Item::at).reversed());
        model.addAttribute("organization", organization);
        model.addAttribute("members", organizations.members(id));
        model.addAttribute("activity", items.size() > 50 ? items.subList(0, 50) : items);
        model.addAttribute("canManage", actor != null && organizations.represents(actor.accountId(), id));
        model.addAttribute("errors", FormErrors.none());
        return "stakeholder/organization";
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
                String page = organization(id, actor, model, null);
                model.addAttribute("errors", FormErrors.of(refusal));
                model.addAttribute("memberEmail", email);
                response.setStatus(422);
                return page;
            }
        }
    }

    private String form(Model model, CreateOrganization request, FormErrors errors) {
        model.addAttribute("form", request);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", StakeholderGroup.values());
        model.addAttribute("countries", Country.all());
        return "stakeholder/new";
    }
}
