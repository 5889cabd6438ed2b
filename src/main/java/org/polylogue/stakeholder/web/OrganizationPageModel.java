package org.polylogue.stakeholder.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.stakeholder.OrganizationActivity;
import org.polylogue.stakeholder.OrganizationPermissions;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** Fills the organisation page for the pages that show it, also when they come back with errors. */
@Component
class OrganizationPageModel {

    /** Confirmations after a form, by the {@code done} parameter; never text from the request. */
    private static final Map<String, String> NOTICES = Map.of(
            "claim-sent", "We mailed a confirmation link to that address. Open it within 48 hours to verify the organisation.",
            "verified", "The organisation is verified.",
            "revoked", "The verification was withdrawn.",
            "ecosoc", "The ECOSOC status was saved.",
            "role", "The role was changed.",
            "removed", "The person was removed from the organisation.",
            "joined", "You joined the organisation.");

    private final Organizations organizations;
    private final OrganizationPermissions permissions;
    private final List<OrganizationActivity> activities;

    OrganizationPageModel(Organizations organizations, OrganizationPermissions permissions,
            List<OrganizationActivity> activities) {
        this.organizations = organizations;
        this.permissions = permissions;
        this.activities = activities;
    }

    String fill(Model model, String id, Actor actor, String done) {
        OrganizationView organization = organizations.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<OrganizationActivity.Item> items = new ArrayList<>();
        activities.forEach(activity -> items.addAll(activity.recent(id, 50)));
        items.sort(Comparator.comparing(OrganizationActivity.Item::at).reversed());
        model.addAttribute("organization", organization);
        model.addAttribute("members", organizations.members(id));
        model.addAttribute("activity", items.size() > 50 ? items.subList(0, 50) : items);
        model.addAttribute("canManage", permissions.canManageMembers(actor, id));
        model.addAttribute("pendingInvitations", permissions.canManageMembers(actor, id)
                ? organizations.pendingInvitations(id) : 0L);
        model.addAttribute("canClaimDomain", permissions.canClaimDomain(actor, id));
        model.addAttribute("administrator", permissions.canVerify(actor));
        model.addAttribute("me", actor == null ? null : actor.accountId());
        model.addAttribute("notice", done == null ? null : NOTICES.get(done));
        if (model.getAttribute("errors") == null) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "stakeholder/organization";
    }
}
