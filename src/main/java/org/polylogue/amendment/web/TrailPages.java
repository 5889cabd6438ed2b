package org.polylogue.amendment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.polylogue.amendment.Amendments;
import org.polylogue.amendment.DispositionForComment;
import org.polylogue.amendment.DispositionView;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "You said, we did": the trail of a consultation, and the secretariat's answers to comments. */
@Controller
class TrailPages {

    private final Amendments amendments;
    private final Consultations consultations;

    TrailPages(Amendments amendments, Consultations consultations) {
        this.amendments = amendments;
        this.consultations = consultations;
    }

    @GetMapping("/consultations/{slug}/trail")
    @PublicEndpoint("the \"you said, we did\" trail shows published dispositions only")
    String trail(@PathVariable String slug, Actor actor, Model model) {
        return page(slug, actor, model, FormState.none());
    }

    @PostMapping("/consultations/{slug}/comments/{commentId}/response")
    @RequiresSignIn
    String respond(@PathVariable String slug, @PathVariable String commentId, @RequestParam Map<String, String> fields,
            Actor actor, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var request = new DispositionForComment(fields.get("response"), fields.get("reason"));
        switch (amendments.respondToComment(slug, commentId, request, actor)) {
            case Result.Ok<DispositionView> ok -> {
                redirect.addFlashAttribute("message", "The answer is saved as a draft until you publish the dispositions.");
                return "redirect:/consultations/" + slug + "/trail#input-" + commentId;
            }
            case Result.Rejected<DispositionView> rejected -> {
                response.setStatus(AmendmentPages.statusOf(rejected.refusal()));
                var typed = new java.util.HashMap<>(fields);
                typed.put("commentId", commentId);
                return page(slug, actor, model, new FormState("respond", AmendmentPages.refused(rejected.refusal()),
                        typed));
            }
        }
    }

    private String page(String slug, Actor actor, Model model, FormState form) {
        ConsultationView consultation = consultations.find(slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean secretariat = amendments.canDispose(actor, consultation);
        model.addAttribute("consultation", consultation);
        model.addAttribute("entries", amendments.trail(slug).orThrow());
        model.addAttribute("secretariat", secretariat);
        model.addAttribute("answers", secretariat ? amendments.commentDispositions(consultation, actor) : Map.of());
        model.addAttribute("form", form);
        return "amendment/trail";
    }
}
