package org.polylogue.meeting.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.meeting.AddDocument;
import org.polylogue.meeting.MeetingCalendars;
import org.polylogue.meeting.MeetingKind;
import org.polylogue.meeting.MeetingRegistrations;
import org.polylogue.meeting.MeetingTimes;
import org.polylogue.meeting.MeetingView;
import org.polylogue.meeting.Meetings;
import org.polylogue.meeting.Register;
import org.polylogue.meeting.SpeakersLists;
import org.polylogue.meeting.internal.MeetingMarkdown;
import org.polylogue.process.Processes;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.shared.web.Paging;
import org.polylogue.stakeholder.Organizations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Meeting pages: the list, a meeting with registration and participants, scheduling and changing. */
@Controller
class MeetingPages {

    private static final String PUBLIC = "meetings, their participants (hidden names withheld) and calendars are public";
    private static final int PAGE_SIZE = 20;

    private final Meetings meetings;
    private final MeetingRegistrations registrations;
    private final SpeakersLists speakers;
    private final MeetingCalendars calendars;
    private final Organizations organizations;
    private final Processes processes;
    private final Validator validator;
    private final Clock clock;

    MeetingPages(Meetings meetings, MeetingRegistrations registrations, SpeakersLists speakers,
            MeetingCalendars calendars, Organizations organizations, Processes processes, Validator validator,
            Clock clock) {
        this.meetings = meetings;
        this.registrations = registrations;
        this.speakers = speakers;
        this.calendars = calendars;
        this.organizations = organizations;
        this.processes = processes;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/meetings")
    @PublicEndpoint(PUBLIC)
    String list(@RequestParam(defaultValue = "") String process, @RequestParam(defaultValue = "0") int page,
            Actor actor, Model model) {
        var processView = process.isBlank() ? null : processes.find(process).orElse(null);
        model.addAttribute("process", processView);
        model.addAttribute("upcoming", meetings.list(true, process, Paging.forPages(0, 100)).items());
        model.addAttribute("past", meetings.list(false, process, Paging.forPages(page, PAGE_SIZE)));
        model.addAttribute("processes", processes.all());
        model.addAttribute("canSchedule", meetings.canSchedule(actor, processView == null ? null : processView.slug()));
        return "meeting/list";
    }

    @GetMapping("/meetings/new")
    @RequiresSignIn
    String newStandalone(Actor actor, Model model) {
        if (!meetings.canSchedule(actor, null)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only an administrator schedules meetings outside a process.");
        }
        return form(null, null, model, FormErrors.none(), Map.of("timeZone", "UTC"));
    }

    @GetMapping("/processes/{slug}/meetings/new")
    @RequiresSignIn
    String newForProcess(@PathVariable String slug, Actor actor, Model model) {
        processes.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!meetings.canSchedule(actor, slug)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the process's secretariat schedules its meetings.");
        }
        return form(null, slug, model, FormErrors.none(), Map.of("timeZone", "UTC"));
    }

    @PostMapping("/meetings")
    @RequiresSignIn
    String createStandalone(@RequestParam Map<String, String> fields, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return create(null, fields, actor, model, response, redirect);
    }

    @PostMapping("/processes/{slug}/meetings")
    @RequiresSignIn
    String createForProcess(@PathVariable String slug, @RequestParam Map<String, String> fields, Actor actor,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        processes.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return create(slug, fields, actor, model, response, redirect);
    }

    private String create(String processSlug, Map<String, String> fields, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!meetings.canSchedule(actor, processSlug)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You cannot schedule meetings here.");
        }
        var parsed = new MeetingForm(fields).create(processSlug);
        Map<String, String> messages = new LinkedHashMap<>();
        parsed.errors().forEach(e -> messages.putIfAbsent(e.field(), e.message()));
        // every field's problem at once: what could not be read, then what is missing or too long
        FormErrors.validate(validator, parsed.request()).messages().forEach(messages::putIfAbsent);
        if (messages.isEmpty()) {
            switch (meetings.create(parsed.request(), actor)) {
                case Result.Ok<MeetingView> ok -> {
                    redirect.addFlashAttribute("message", "The meeting is scheduled.");
                    return "redirect:/meetings/" + ok.value().slug();
                }
                case Result.Rejected<MeetingView> rejected -> messages.putAll(refused(rejected.refusal()).messages());
            }
        }
        response.setStatus(422);
        return form(null, processSlug, model, new FormErrors(messages), fields);
    }

    @GetMapping("/meetings/{slug}")
    @PublicEndpoint(PUBLIC)
    String meeting(@PathVariable String slug, Actor actor, Model model) {
        return page(find(slug), actor, model, FormState.none());
    }

    @GetMapping("/meetings/{slug}.ics")
    @PublicEndpoint(PUBLIC)
    ResponseEntity<String> calendar(@PathVariable String slug) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MeetingCalendars.MEDIA_TYPE))
                .header("Content-Disposition", "attachment; filename=\"" + slug + ".ics\"")
                .body(calendars.calendar(find(slug)));
    }

    @GetMapping("/meetings/{slug}/edit")
    @RequiresSignIn
    String edit(@PathVariable String slug, Actor actor, Model model) {
        var meeting = chaired(slug, actor);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", meeting.title());
        typed.put("kind", meeting.kind().name());
        typed.put("startsAt", MeetingTimes.input(meeting.startsAt(), meeting.timeZone()));
        typed.put("endsAt", MeetingTimes.input(meeting.endsAt(), meeting.timeZone()));
        typed.put("timeZone", meeting.timeZone());
        typed.put("capacity", meeting.capacity() == null ? "" : meeting.capacity().toString());
        typed.put("place", meeting.place() == null ? "" : meeting.place());
        typed.put("onlineUrl", meeting.onlineUrl() == null ? "" : meeting.onlineUrl());
        typed.put("agenda", meeting.agenda());
        return form(meeting, null, model, FormErrors.none(), typed);
    }

    @PostMapping("/meetings/{slug}/edit")
    @RequiresSignIn
    String saveEdit(@PathVariable String slug, @RequestParam Map<String, String> fields, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var meeting = chaired(slug, actor);
        var parsed = new MeetingForm(fields).edit();
        Map<String, String> messages = new LinkedHashMap<>();
        parsed.errors().forEach(e -> messages.putIfAbsent(e.field(), e.message()));
        // every field's problem at once: what could not be read, then what is missing or too long
        FormErrors.validate(validator, parsed.request()).messages().forEach(messages::putIfAbsent);
        if (messages.isEmpty()) {
            switch (meetings.edit(slug, parsed.request(), actor)) {
                case Result.Ok<MeetingView> ok -> {
                    redirect.addFlashAttribute("message", "The meeting is changed.");
                    return "redirect:/meetings/" + slug;
                }
                case Result.Rejected<MeetingView> rejected -> messages.putAll(refused(rejected.refusal()).messages());
            }
        }
        response.setStatus(422);
        return form(meeting, null, model, new FormErrors(messages), fields);
    }

    @PostMapping("/meetings/{slug}/cancel")
    @RequiresSignIn
    String cancel(@PathVariable String slug, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        switch (meetings.cancel(slug, actor)) {
            case Result.Ok<MeetingView> ok -> {
                redirect.addFlashAttribute("message", "The meeting is cancelled.");
                return "redirect:/meetings/" + slug;
            }
            case Result.Rejected<MeetingView> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return page(find(slug), actor, model, new FormState("cancel", refused(rejected.refusal()), Map.of()));
            }
        }
    }

    @PostMapping("/meetings/{slug}/documents")
    @RequiresSignIn
    String addDocument(@PathVariable String slug, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String url, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        switch (meetings.addDocument(slug, new AddDocument(title, url), actor)) {
            case Result.Ok<?> ok -> {
                redirect.addFlashAttribute("message", "The document is linked.");
                return "redirect:/meetings/" + slug + "#documents";
            }
            case Result.Rejected<?> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return page(find(slug), actor, model, new FormState("document", refused(rejected.refusal()),
                        Map.of("title", title, "url", url)));
            }
        }
    }

    @PostMapping("/meetings/{slug}/registrations")
    @RequiresSignIn
    String register(@PathVariable String slug, @RequestParam(defaultValue = "") String organizationId,
            @RequestParam(defaultValue = "false") boolean hideName, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        switch (registrations.register(slug, new Register(organizationId, hideName), actor)) {
            case Result.Ok<org.polylogue.meeting.Registration> ok -> {
                redirect.addFlashAttribute("message", switch (ok.value().status()) {
                    case REGISTERED -> "You are registered. We mailed you a confirmation with a calendar file.";
                    case WAITING -> "The meeting is full: you are number " + ok.value().waitingPosition()
                            + " on the waiting list. We mail you if a place becomes free.";
                });
                return "redirect:/meetings/" + slug + "#registration";
            }
            case Result.Rejected<org.polylogue.meeting.Registration> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return page(find(slug), actor, model, new FormState("register", refused(rejected.refusal()),
                        Map.of("organizationId", organizationId, "hideName", Boolean.toString(hideName))));
            }
        }
    }

    @PostMapping("/meetings/{slug}/registrations/cancel")
    @RequiresSignIn
    String cancelRegistration(@PathVariable String slug, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        switch (registrations.cancel(slug, actor)) {
            case Result.Ok<?> ok -> {
                redirect.addFlashAttribute("message", "Your registration is cancelled.");
                return "redirect:/meetings/" + slug + "#registration";
            }
            case Result.Rejected<?> rejected -> {
                if (rejected.refusal().kind() == Refusal.Kind.NOT_FOUND) {
                    response.setStatus(409);
                    return page(find(slug), actor, model, new FormState("register",
                            FormErrors.of(rejected.refusal()), Map.of()));
                }
                response.setStatus(statusOf(rejected.refusal()));
                return page(find(slug), actor, model, new FormState("register", refused(rejected.refusal()), Map.of()));
            }
        }
    }

    private MeetingView find(String slug) {
        return meetings.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private MeetingView chaired(String slug, Actor actor) {
        var meeting = find(slug);
        if (!meetings.canChair(actor, meeting)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the secretariat changes this meeting.");
        }
        return meeting;
    }

    private String page(MeetingView meeting, Actor actor, Model model, FormState form) {
        Instant now = Instant.now(clock);
        var mine = registrations.mine(meeting.id(), actor).orElse(null);
        String mineOrganization = mine == null || mine.organizationId() == null ? null
                : organizations.find(mine.organizationId()).map(o -> o.name()).orElse(null);
        model.addAttribute("page", new MeetingPage(meetings.details(meeting), MeetingMarkdown.toHtml(meeting.agenda()),
                registrations.participants(meeting), speakers.list(meeting), meetings.canChair(actor, meeting),
                !meeting.cancelled() && !meeting.startedAt(now), meeting.endedAt(now), mine,
                actor == null ? List.of() : organizations.representedBy(actor.accountId()), mineOrganization));
        model.addAttribute("form", form);
        return "meeting/meeting";
    }

    private String form(MeetingView meeting, String processSlug, Model model, FormErrors errors,
            Map<String, String> typed) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("processSlug", processSlug);
        model.addAttribute("kinds", List.of(MeetingKind.values()));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", new LinkedHashMap<>(typed));
        return "meeting/form";
    }

    static int statusOf(Refusal refusal) {
        return switch (refusal.kind()) {
            case CONFLICT, FORBIDDEN -> refusal.kind().status();
            default -> 422;
        };
    }

    /** Refusals a person cannot fix in the form end with the error page; the others come back next to the fields. */
    static FormErrors refused(Refusal refusal) {
        switch (refusal.kind()) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case FORBIDDEN -> {
                if (refusal.code().equals("email-not-confirmed")) {
                    return FormErrors.of(refusal);
                }
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal.title());
            }
            default -> {
                return FormErrors.of(refusal);
            }
        }
    }
}
