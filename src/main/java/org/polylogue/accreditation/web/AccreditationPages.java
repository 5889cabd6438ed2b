package org.polylogue.accreditation.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polylogue.accreditation.AccreditationEntry;
import org.polylogue.accreditation.AccreditationRequestView;
import org.polylogue.accreditation.AccreditationState;
import org.polylogue.accreditation.Accreditations;
import org.polylogue.accreditation.DecideRequest;
import org.polylogue.accreditation.ObjectToRequest;
import org.polylogue.accreditation.RequestAccreditation;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.shared.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public accreditation log of a process, with the forms of those who may take a step. */
@Controller
class AccreditationPages {

    private static final int PAGE_SIZE = 50;

    private final Accreditations accreditations;
    private final Validator validator;

    AccreditationPages(Accreditations accreditations, Validator validator) {
        this.accreditations = accreditations;
        this.validator = validator;
    }

    @GetMapping("/processes/{slug}/accreditation")
    @PublicEndpoint("the accreditation log is public so that exclusion is never silent")
    String log(@PathVariable String slug, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        return render(slug, state, page, actor, model, "", FormErrors.none(), Map.of());
    }

    @PostMapping("/processes/{slug}/accreditation/requests")
    @RequiresSignIn
    String request(@PathVariable String slug, @RequestParam(defaultValue = "") String organizationId,
            @RequestParam(defaultValue = "") String statement, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var request = new RequestAccreditation(organizationId, statement);
        var typed = Map.of("organizationId", organizationId, "statement", statement);
        var errors = FormErrors.validate(validator, request);
        if (errors.isEmpty()) {
            switch (accreditations.request(slug, request, actor)) {
                case Result.Ok<AccreditationRequestView> ok -> {
                    redirect.addFlashAttribute("message", ok.value().organization().name() + " requested accreditation.");
                    return "redirect:/processes/" + slug + "/accreditation#request-" + ok.value().id();
                }
                case Result.Rejected<AccreditationRequestView> rejected -> errors = refused(rejected.refusal());
            }
        }
        response.setStatus(422);
        return render(slug, null, 0, actor, model, "request", errors, typed);
    }

    @PostMapping("/processes/{slug}/accreditation/requests/{id}/objections")
    @RequiresSignIn
    String object(@PathVariable String slug, @PathVariable String id,
            @RequestParam(defaultValue = "") String organizationId, @RequestParam(defaultValue = "") String reason,
            Actor actor, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var objection = new ObjectToRequest(organizationId, reason);
        var errors = FormErrors.validate(validator, objection);
        if (errors.isEmpty()) {
            switch (accreditations.object(slug, id, objection, actor)) {
                case Result.Ok<AccreditationEntry> ok -> {
                    redirect.addFlashAttribute("message", ok.value().organization().name() + " objected to the request.");
                    return "redirect:/processes/" + slug + "/accreditation#request-" + id;
                }
                case Result.Rejected<AccreditationEntry> rejected -> errors = refused(rejected.refusal());
            }
        }
        response.setStatus(422);
        return render(slug, null, 0, actor, model, "object-" + id, errors,
                Map.of("organizationId", organizationId, "reason", reason));
    }

    @PostMapping("/processes/{slug}/accreditation/requests/{id}/objections/{objectionId}/withdraw")
    @RequiresSignIn
    String withdraw(@PathVariable String slug, @PathVariable String id, @PathVariable String objectionId, Actor actor,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        switch (accreditations.withdraw(slug, id, objectionId, actor)) {
            case Result.Ok<AccreditationEntry> ok -> {
                redirect.addFlashAttribute("message", ok.value().organization().name() + " withdrew its objection.");
                return "redirect:/processes/" + slug + "/accreditation#request-" + id;
            }
            case Result.Rejected<AccreditationEntry> rejected -> {
                var errors = refused(rejected.refusal());
                response.setStatus(409);
                return render(slug, null, 0, actor, model, "withdraw-" + id, errors, Map.of());
            }
        }
    }

    @PostMapping("/processes/{slug}/accreditation/requests/{id}/decision")
    @RequiresSignIn
    String decide(@PathVariable String slug, @PathVariable String id, @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String reason, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var request = new DecideRequest(decision, reason);
        FormErrors errors;
        switch (accreditations.decide(slug, id, request, actor)) {
            case Result.Ok<AccreditationEntry> ok -> {
                redirect.addFlashAttribute("message", "The decision was recorded.");
                return "redirect:/processes/" + slug + "/accreditation#request-" + id;
            }
            case Result.Rejected<AccreditationEntry> rejected -> errors = refused(rejected.refusal());
        }
        response.setStatus(422);
        return render(slug, null, 0, actor, model, "decide-" + id, errors, Map.of("decision", decision, "reason", reason));
    }

    private String render(String slug, String state, int page, Actor actor, Model model, String form, FormErrors errors,
            Map<String, String> typed) {
        AccreditationState filter = null;
        if (state != null && !state.isBlank()) {
            filter = AccreditationState.parse(state);
            if (filter == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown state");
            }
        }
        var log = accreditations.log(slug, filter, Paging.forPages(page, PAGE_SIZE))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("log", log);
        model.addAttribute("viewer", new Viewer(accreditations.requestableBy(actor), accreditations.objectableBy(actor),
                accreditations.representedBy(actor), accreditations.canDecide(actor, log.process())));
        model.addAttribute("form", new FormState(form, errors, new LinkedHashMap<>(typed)));
        return "accreditation/log";
    }

    /** Refusals a person cannot fix in the form end with the error page; the others come back next to the fields. */
    private static FormErrors refused(Refusal refusal) {
        switch (refusal.kind()) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal.title());
            default -> {
                return FormErrors.of(refusal);
            }
        }
    }
}
