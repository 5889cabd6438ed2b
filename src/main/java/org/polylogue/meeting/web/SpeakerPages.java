package org.polylogue.meeting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.polylogue.meeting.MeetingRegistrations;
import org.polylogue.meeting.MeetingView;
import org.polylogue.meeting.Meetings;
import org.polylogue.meeting.RequestFloor;
import org.polylogue.meeting.SpeakersLists;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.stakeholder.Organizations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The speakers list page: participants ask for the floor, the chair orders the list with buttons (no script needed). */
@Controller
class SpeakerPages {

    private final Meetings meetings;
    private final SpeakersLists speakers;
    private final MeetingRegistrations registrations;
    private final Organizations organizations;

    SpeakerPages(Meetings meetings, SpeakersLists speakers, MeetingRegistrations registrations,
            Organizations organizations) {
        this.meetings = meetings;
        this.speakers = speakers;
        this.registrations = registrations;
        this.organizations = organizations;
    }



    @GetMapping("/meetings/{slug}/speakers")
    @PublicEndpoint("the speakers list of a meeting is public (names hidden by choice are withheld)")
    String list(@PathVariable String slug, Actor actor, Model model) {
        return page(find(slug), actor, model, FormState.none());
    }

    @PostMapping("/meetings/{slug}/speakers")
    @RequiresSignIn
    String request(@PathVariable String slug, @RequestParam(defaultValue = "") String organizationId, Actor actor,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        switch (speakers.request(slug, new RequestFloor(organizationId), actor)) {
            case Result.Ok<?> ok -> {
                redirect.addFlashAttribute("message", "You are on the speakers list.");
                return "redirect:/meetings/" + slug + "/speakers";
            }
            case Result.Rejected<?> rejected -> {
                response.setStatus(MeetingPages.statusOf(rejected.refusal()));
                return page(find(slug), actor, model, new FormState("request",
                        MeetingPages.refused(rejected.refusal()), Map.of("organizationId", organizationId)));
            }
        }
    }

    @PostMapping("/meetings/{slug}/speakers/{id}/move")
    @RequiresSignIn
    String move(@PathVariable String slug, @PathVariable String id, @RequestParam(defaultValue = "") String direction,
            @RequestParam(defaultValue = "") String position, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Result<?> result;
        if (direction.equals("up") || direction.equals("down")) {
            result = speakers.step(slug, id, direction.equals("up"), actor);
        } else {
            int to;
            try {
                to = Integer.parseInt(position.strip());
            } catch (NumberFormatException e) {
                to = 0;
            }
            result = speakers.move(slug, id, to, actor);
        }
        return after(slug, result, "The list is reordered.", actor, model, response, redirect);
    }

    @PostMapping("/meetings/{slug}/speakers/{id}/spoke")
    @RequiresSignIn
    String spoke(@PathVariable String slug, @PathVariable String id, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return after(slug, speakers.markSpoke(slug, id, actor), "Marked as spoken.", actor, model, response, redirect);
    }

    @PostMapping("/meetings/{slug}/speakers/{id}/remove")
    @RequiresSignIn
    String remove(@PathVariable String slug, @PathVariable String id, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return after(slug, speakers.remove(slug, id, actor), "The request is removed from the list.", actor, model,
                response, redirect);
    }

    private String after(String slug, Result<?> result, String message, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        switch (result) {
            case Result.Ok<?> ok -> {
                redirect.addFlashAttribute("message", message);
                return "redirect:/meetings/" + slug + "/speakers";
            }
            case Result.Rejected<?> rejected -> {
                response.setStatus(MeetingPages.statusOf(rejected.refusal()));
                return page(find(slug), actor, model, new FormState("chair", MeetingPages.refused(rejected.refusal()),
                        Map.of()));
            }
        }
    }

    private MeetingView find(String slug) {
        return meetings.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(MeetingView meeting, Actor actor, Model model, FormState form) {
        var list = speakers.list(meeting);
        var mine = registrations.mine(meeting.id(), actor).orElse(null);
        boolean registered = mine != null && mine.status() == org.polylogue.meeting.RegistrationStatus.REGISTERED;
        boolean requested = actor != null && list.waiting().stream().anyMatch(r -> r.accountId().equals(actor.accountId()));
        String registeredFor = mine == null ? null : mine.organizationId();
        model.addAttribute("page", new SpeakersPage(meeting, list, meetings.canChair(actor, meeting), registered,
                requested, actor == null ? List.of() : organizations.representedBy(actor.accountId()), registeredFor));
        model.addAttribute("form", form);
        return "meeting/speakers";
    }

    static FormErrors none() {
        return FormErrors.none();
    }
}
