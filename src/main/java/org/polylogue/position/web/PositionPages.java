package org.polylogue.position.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polylogue.position.NamedProposals;
import org.polylogue.position.PositionChanges;
import org.polylogue.position.PositionExport;
import org.polylogue.position.Positions;
import org.polylogue.position.Proposal;
import org.polylogue.position.RecordStance;
import org.polylogue.position.SaveProposal;
import org.polylogue.position.StanceView;
import org.polylogue.process.ProcessView;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.stakeholder.RegionalGroup;
import org.polylogue.stakeholder.StakeholderGroup;
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

/** Position ledger pages: the matrix with its exports, what changed, an organisation's stances, the forms. */
@Controller
class PositionPages {

    private static final String PUBLIC = "the position ledger is a public record of stances and their evidence";
    static final int EVIDENCE_ROWS = 3;

    private final Positions positions;
    private final NamedProposals proposals;

    PositionPages(Positions positions, NamedProposals proposals) {
        this.positions = positions;
        this.proposals = proposals;
    }

    @GetMapping("/processes/{slug}/positions")
    @PublicEndpoint(PUBLIC)
    String matrix(@PathVariable String slug, @RequestParam(defaultValue = "") String group,
            @RequestParam(defaultValue = "") String region, Actor actor, Model model) {
        var matrix = positions.matrix(slug, group, region).orElseThrow(PositionPages::notFound);
        model.addAttribute("matrix", matrix);
        model.addAttribute("groups", List.of(StakeholderGroup.values()));
        model.addAttribute("regions", List.of(RegionalGroup.values()));
        model.addAttribute("canManage", positions.recordsForAnyOrganization(actor, process(slug)));
        return "position/matrix";
    }

    @GetMapping("/processes/{slug}/positions.csv")
    @PublicEndpoint(PUBLIC)
    ResponseEntity<String> csv(@PathVariable String slug) {
        var ledger = positions.ledger(slug).orElseThrow(PositionPages::notFound);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"positions-" + slug + ".csv\"")
                .body(PositionExport.csv(ledger));
    }

    @GetMapping(value = "/processes/{slug}/positions.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @PublicEndpoint(PUBLIC)
    @org.springframework.web.bind.annotation.ResponseBody
    List<StanceView> json(@PathVariable String slug) {
        return positions.ledger(slug).orElseThrow(PositionPages::notFound);
    }

    @GetMapping("/processes/{slug}/positions/changes")
    @PublicEndpoint(PUBLIC)
    String changes(@PathVariable String slug, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, Model model, HttpServletResponse response) {
        var process = process(slug);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var errors = new java.util.LinkedHashMap<String, String>();
        LocalDate end = parse(to, today, "to", errors);
        LocalDate start = parse(from, end.minusDays(30), "from", errors);
        PositionChanges changes = null;
        if (errors.isEmpty()) {
            switch (positions.changes(slug, start, end)) {
                case Result.Ok<PositionChanges> ok -> changes = ok.value();
                case Result.Rejected<PositionChanges> rejected -> errors.putAll(FormErrors.of(rejected.refusal())
                        .messages());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
        }
        model.addAttribute("process", process);
        model.addAttribute("changes", changes);
        model.addAttribute("errors", new FormErrors(errors));
        model.addAttribute("from", from.isBlank() ? start.toString() : from);
        model.addAttribute("to", to.isBlank() ? end.toString() : to);
        return "position/changes";
    }

    @GetMapping("/organizations/{id}/positions")
    @PublicEndpoint(PUBLIC)
    String organization(@PathVariable String id, Model model) {
        var stances = positions.ofOrganization(id).orElseThrow(PositionPages::notFound);
        model.addAttribute("organizationId", id);
        model.addAttribute("stances", stances);
        return "position/actor";
    }

    @GetMapping("/processes/{slug}/positions/new")
    @RequiresSignIn
    String newStance(@PathVariable String slug, @RequestParam(defaultValue = "") String q, Actor actor, Model model) {
        return form(process(slug), actor, q, model, FormErrors.none(), Map.of());
    }

    @PostMapping("/processes/{slug}/positions")
    @RequiresSignIn
    String record(@PathVariable String slug, @RequestParam Map<String, String> fields, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var process = process(slug);
        String actorField = fields.getOrDefault("actor", "");
        var stanceActor = actorField.equals("self") ? new RecordStance.Actor(null, true)
                : new RecordStance.Actor(actorField, null);
        List<RecordStance.Evidence> evidence = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < EVIDENCE_ROWS; i++) {
            String kind = fields.getOrDefault("evidence" + i + "Kind", "");
            String reference = fields.getOrDefault("evidence" + i + "Ref", "").strip();
            if (reference.isEmpty()) {
                continue;
            }
            rowOf.add(i);
            evidence.add(kind.equals("link") ? new RecordStance.Evidence(kind, null, reference, null)
                    : new RecordStance.Evidence(kind, reference, null, null));
        }
        var request = new RecordStance(stanceActor, Positions.itemOf(fields.get("item")), fields.get("position"),
                fields.get("summary"), fields.get("date"), evidence);
        switch (positions.record(request, actor)) {
            case Result.Ok<StanceView> ok -> {
                redirect.addFlashAttribute("message", "The stance is recorded.");
                return "redirect:/processes/" + slug + "/positions";
            }
            case Result.Rejected<StanceView> rejected -> {
                if (rejected.refusal().kind() == Refusal.Kind.FORBIDDEN
                        && !"email-not-confirmed".equals(rejected.refusal().code())) {
                    response.setStatus(403);
                } else {
                    response.setStatus(422);
                }
                return form(process, actor, "", model, formErrors(rejected.refusal(), rowOf), fields);
            }
        }
    }

    @GetMapping("/processes/{slug}/proposals")
    @PublicEndpoint(PUBLIC)
    String proposals(@PathVariable String slug, Actor actor, Model model) {
        return proposalsPage(process(slug), actor, model, FormErrors.none(), Map.of());
    }

    @PostMapping("/processes/{slug}/proposals")
    @RequiresSignIn
    String createProposal(@PathVariable String slug, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        switch (proposals.create(slug, new SaveProposal(name, description), actor)) {
            case Result.Ok<Proposal> ok -> {
                redirect.addFlashAttribute("message", "The proposal “" + ok.value().name() + "” was added.");
                return "redirect:/processes/" + slug + "/proposals";
            }
            case Result.Rejected<Proposal> rejected -> {
                var kind = rejected.refusal().kind();
                if (kind == Refusal.Kind.FORBIDDEN) {
                    throw new ResponseStatusException(HttpStatus.FORBIDDEN, rejected.refusal().title());
                }
                response.setStatus(kind == Refusal.Kind.CONFLICT ? 409 : 422);
                return proposalsPage(process(slug), actor, model, FormErrors.of(rejected.refusal()),
                        Map.of("name", name, "description", description));
            }
        }
    }

    @PostMapping("/processes/{slug}/proposals/{id}/delete")
    @RequiresSignIn
    String deleteProposal(@PathVariable String slug, @PathVariable String id, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        switch (proposals.delete(id, actor)) {
            case Result.Ok<Void> ok -> {
                redirect.addFlashAttribute("message", "The proposal was deleted.");
                return "redirect:/processes/" + slug + "/proposals";
            }
            case Result.Rejected<Void> rejected -> {
                var kind = rejected.refusal().kind();
                if (kind == Refusal.Kind.FORBIDDEN || kind == Refusal.Kind.NOT_FOUND) {
                    throw new ResponseStatusException(HttpStatus.valueOf(kind.status()), rejected.refusal().title());
                }
                response.setStatus(409);
                return proposalsPage(process(slug), actor, model, FormErrors.of(rejected.refusal()), Map.of());
            }
        }
    }

    private String proposalsPage(ProcessView process, Actor actor, Model model, FormErrors errors,
            Map<String, String> typed) {
        model.addAttribute("process", process);
        model.addAttribute("proposals", proposals.of(process.slug()).orElseThrow());
        model.addAttribute("canManage", positions.recordsForAnyOrganization(actor, process));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "position/proposals";
    }

    private String form(ProcessView process, Actor actor, String query, Model model, FormErrors errors,
            Map<String, String> typed) {
        model.addAttribute("process", process);
        model.addAttribute("items", positions.itemChoices(process));
        model.addAttribute("organizations", positions.organizationChoices(actor, process, query, typed.get("actor")));
        model.addAttribute("secretariat", positions.recordsForAnyOrganization(actor, process));
        model.addAttribute("query", query);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("evidenceRows", EVIDENCE_ROWS);
        return "position/record";
    }

    /** Field messages of the request mapped to the form's field names (evidence[i] is the i-th filled row). */
    private static FormErrors formErrors(Refusal refusal, List<Integer> rowOf) {
        var messages = new java.util.LinkedHashMap<String, String>();
        for (var error : refusal.errors()) {
            String field = error.field();
            if (field.startsWith("evidence[")) {
                int index = Integer.parseInt(field.substring(9, field.indexOf(']')));
                int row = index < rowOf.size() ? rowOf.get(index) : 0;
                field = field.endsWith(".kind") ? "evidence" + row + "Kind" : "evidence" + row + "Ref";
            } else if (field.equals("evidence")) {
                field = "evidence0Ref";
            } else if (field.startsWith("item")) {
                field = "item";
            } else if (field.startsWith("actor")) {
                field = "actor";
            }
            messages.putIfAbsent(field, error.message());
        }
        if (refusal.errors().isEmpty() || refusal.kind() == Refusal.Kind.FORBIDDEN) {
            messages.put("", refusal.title());
        }
        return new FormErrors(messages);
    }

    private ProcessView process(String slug) {
        return positions.process(slug).orElseThrow(PositionPages::notFound);
    }

    private static LocalDate parse(String value, LocalDate fallback, String field, Map<String, String> errors) {
        if (value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date like 2026-11-30");
            return fallback;
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
