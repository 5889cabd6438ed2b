package org.polylogue.process.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polylogue.process.ChangeWindow;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.process.CreateProcess;
import org.polylogue.process.OpenConsultation;
import org.polylogue.process.ProcessPermissions;
import org.polylogue.process.ProcessView;
import org.polylogue.process.Processes;
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

@Controller
class ProcessPages {

    private final Processes processes;
    private final Consultations consultations;
    private final ProcessPermissions permissions;
    private final Validator validator;

    ProcessPages(Processes processes, Consultations consultations, ProcessPermissions permissions, Validator validator) {
        this.processes = processes;
        this.consultations = consultations;
        this.permissions = permissions;
        this.validator = validator;
    }

    @GetMapping("/processes/{slug}")
    @PublicEndpoint("processes are public")
    String process(@PathVariable String slug, Actor actor, Model model) {
        ProcessView process = processes.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("process", process);
        model.addAttribute("consultations", consultations.ofProcess(process.id()));
        model.addAttribute("canRun", permissions.canRun(actor, process.id()));
        return "process/process";
    }

    @GetMapping("/processes/new")
    @RequiresSignIn
    String newProcess(Actor actor, Model model) {
        requireAdministrator(actor);
        model.addAttribute("form", new CreateProcess("", "", ""));
        model.addAttribute("errors", FormErrors.none());
        return "process/new-process";
    }

    @PostMapping("/processes")
    @RequiresSignIn
    String createProcess(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary, Actor actor, Model model, HttpServletResponse response) {
        requireAdministrator(actor);
        var form = new CreateProcess(slug.strip(), title, summary);
        var errors = FormErrors.validate(validator, form);
        if (errors.isEmpty()) {
            switch (processes.create(form, actor)) {
                case Result.Ok<ProcessView> ok -> {
                    return "redirect:/processes/" + ok.value().slug();
                }
                case Result.Rejected<ProcessView> rejected -> errors = FormErrors.of(rejected.refusal());
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        response.setStatus(422);
        return "process/new-process";
    }

    @GetMapping("/processes/{slug}/consultations/new")
    @RequiresSignIn
    String newConsultation(@PathVariable String slug, Actor actor, Model model) {
        var process = runnable(slug, actor);
        model.addAttribute("process", process);
        model.addAttribute("form", new ConsultationForm("", "", "", "", ""));
        model.addAttribute("errors", FormErrors.none());
        return "process/new-consultation";
    }

    @PostMapping("/processes/{slug}/consultations")
    @RequiresSignIn
    String openConsultation(@PathVariable String slug, ConsultationForm form, Actor actor, Model model,
            HttpServletResponse response) {
        var process = runnable(slug, actor);
        Map<String, String> messages = new LinkedHashMap<>();
        OffsetDateTime opensAt = parse(form.opensAt(), "opensAt", messages);
        OffsetDateTime closesAt = parse(form.closesAt(), "closesAt", messages);
        var request = new OpenConsultation(blankToEmpty(form.slug()).strip(), blankToEmpty(form.title()), opensAt, closesAt,
                new OpenConsultation.Document("markdown", form.text()));
        var errors = FormErrors.validate(validator, request);
        if (errors.isEmpty() && messages.isEmpty()) {
            switch (consultations.open(slug, request, actor)) {
                case Result.Ok<Consultations.Opened> ok -> {
                    return "redirect:/consultations/" + ok.value().consultation().slug();
                }
                case Result.Rejected<Consultations.Opened> rejected -> errors = FormErrors.of(rejected.refusal());
            }
        } else if (!messages.isEmpty()) {
            var merged = new LinkedHashMap<>(errors.messages());
            // a date typed but unreadable says so, rather than "is required"
            merged.putAll(messages);
            errors = new FormErrors(merged);
        }
        model.addAttribute("process", process);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        response.setStatus(422);
        return "process/new-consultation";
    }

    @PostMapping("/consultations/{slug}/window")
    @RequiresSignIn
    String changeWindow(@PathVariable String slug, @RequestParam(defaultValue = "") String opensAt,
            @RequestParam(defaultValue = "") String closesAt, Actor actor,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Map<String, String> messages = new LinkedHashMap<>();
        var request = new ChangeWindow(parse(opensAt, "opensAt", messages), parse(closesAt, "closesAt", messages));
        if (messages.isEmpty()) {
            switch (consultations.changeWindow(slug, request, actor)) {
                case Result.Ok<ConsultationView> ok -> {
                    redirect.addFlashAttribute("windowChanged", true);
                    return "redirect:/consultations/" + slug;
                }
                case Result.Rejected<ConsultationView> rejected -> {
                    switch (rejected.refusal().kind()) {
                        case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                        case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
                        default -> rejected.refusal().errors().forEach(e -> messages.putIfAbsent(e.field(), e.message()));
                    }
                }
            }
        }
        // back to the page with the typed values and the reason next to the field (kept in the session once)
        redirect.addFlashAttribute("windowErrors", new FormErrors(messages));
        redirect.addFlashAttribute("windowOpensAt", opensAt);
        redirect.addFlashAttribute("windowClosesAt", closesAt);
        return "redirect:/consultations/" + slug + "#window";
    }

    private ProcessView runnable(String slug, Actor actor) {
        var process = processes.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!permissions.canRun(actor, process.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return process;
    }

    private void requireAdministrator(Actor actor) {
        if (!permissions.canCreateProcess(actor)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** A {@code datetime-local} value, read as UTC. */
    private static OffsetDateTime parse(String value, String field, Map<String, String> messages) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip());
            } catch (DateTimeParseException again) {
                messages.put(field, "is not a date and time such as 2026-12-01T09:00");
                return null;
            }
        }
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value;
    }
}
