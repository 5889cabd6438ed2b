package org.polylogue.amendment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.polylogue.amendment.AmendmentSupports;
import org.polylogue.amendment.AmendmentView;
import org.polylogue.amendment.Amendments;
import org.polylogue.amendment.DisposeAmendment;
import org.polylogue.amendment.DispositionView;
import org.polylogue.amendment.ProposeAmendment;
import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.Comments;
import org.polylogue.drafting.Drafts;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.shared.web.Paging;
import org.polylogue.stakeholder.OrganizationView;
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

/** Amendment pages: the list with the proposal form, one amendment with supports and its disposition, publishing. */
@Controller
class AmendmentPages {

    private static final int PAGE_SIZE = 20;
    private static final String PUBLIC = "amendments, supports and published dispositions are public; draft"
            + " dispositions are shown only to the secretariat";

    private final Amendments amendments;
    private final Consultations consultations;
    private final Organizations organizations;
    private final Drafts drafts;
    private final Comments comments;

    AmendmentPages(Amendments amendments, Consultations consultations, Organizations organizations, Drafts drafts,
            Comments comments) {
        this.comments = comments;
        this.amendments = amendments;
        this.consultations = consultations;
        this.organizations = organizations;
        this.drafts = drafts;
    }

    @GetMapping("/consultations/{slug}/amendments")
    @PublicEndpoint(PUBLIC)
    String list(@PathVariable String slug, @RequestParam(defaultValue = "") String paragraphId,
            @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        return listPage(slug, paragraphId, page, actor, model, FormState.none());
    }

    @PostMapping("/consultations/{slug}/amendments")
    @RequiresSignIn
    @RateLimited(RateLimit.COMMENT_PER_ACCOUNT)
    String propose(@PathVariable String slug, @RequestParam Map<String, String> fields, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String organizationId = fields.getOrDefault("organizationId", "");
        var request = new ProposeAmendment(fields.get("paragraphId"), fields.get("kind"),
                "DELETE".equals(fields.get("kind")) ? null : fields.get("text"), fields.get("rationale"),
                organizationId.isBlank() ? null : organizationId);
        switch (amendments.propose(slug, request, actor)) {
            case Result.Ok<AmendmentView> ok -> {
                redirect.addFlashAttribute("message", "Your amendment is published. Other organisations can now support it.");
                return "redirect:" + ok.value().path();
            }
            case Result.Rejected<AmendmentView> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return listPage(slug, fields.getOrDefault("filter", ""), 0, actor, model,
                        new FormState("propose", refused(rejected.refusal()), fields));
            }
        }
    }

    @GetMapping("/consultations/{slug}/amendments/{id}")
    @PublicEndpoint(PUBLIC)
    String amendment(@PathVariable String slug, @PathVariable String id, Actor actor, Model model) {
        return page(slug, id, actor, model, FormState.none());
    }

    @PostMapping("/consultations/{slug}/amendments/{id}/supports")
    @RequiresSignIn
    @RateLimited(RateLimit.COMMENT_PER_ACCOUNT)
    String support(@PathVariable String slug, @PathVariable String id,
            @RequestParam(defaultValue = "") String organizationId, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        find(slug, id, actor);
        switch (amendments.support(id, organizationId, actor)) {
            case Result.Ok<AmendmentView> ok -> {
                redirect.addFlashAttribute("message", "Your organisation supports this amendment.");
                return "redirect:" + ok.value().path() + "#supports";
            }
            case Result.Rejected<AmendmentView> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return page(slug, id, actor, model, new FormState("support", refused(rejected.refusal()),
                        Map.of("organizationId", organizationId)));
            }
        }
    }

    @PostMapping("/consultations/{slug}/amendments/{id}/supports/{organizationId}/withdraw")
    @RequiresSignIn
    @RateLimited(RateLimit.COMMENT_PER_ACCOUNT)
    String withdraw(@PathVariable String slug, @PathVariable String id, @PathVariable String organizationId,
            Actor actor, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        find(slug, id, actor);
        switch (amendments.withdrawSupport(id, organizationId, actor)) {
            case Result.Ok<AmendmentView> ok -> {
                redirect.addFlashAttribute("message", "Your organisation's support is withdrawn.");
                return "redirect:" + ok.value().path() + "#supports";
            }
            case Result.Rejected<AmendmentView> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return page(slug, id, actor, model, new FormState("support", refused(rejected.refusal()), Map.of()));
            }
        }
    }

    @PostMapping("/consultations/{slug}/amendments/{id}/disposition")
    @RequiresSignIn
    String dispose(@PathVariable String slug, @PathVariable String id, @RequestParam Map<String, String> fields,
            Actor actor, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        find(slug, id, actor);
        var request = new DisposeAmendment(fields.get("decision"), fields.get("reason"), fields.get("mergedInto"));
        switch (amendments.dispose(id, request, actor)) {
            case Result.Ok<AmendmentView> ok -> {
                redirect.addFlashAttribute("message", "The disposition is saved as a draft. Publish the dispositions "
                        + "of the consultation to make it public.");
                return "redirect:" + ok.value().path() + "#disposition";
            }
            case Result.Rejected<AmendmentView> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return page(slug, id, actor, model, new FormState("dispose", refused(rejected.refusal()), fields));
            }
        }
    }

    @PostMapping("/consultations/{slug}/dispositions/publication")
    @RequiresSignIn
    String publish(@PathVariable String slug, @RequestParam(defaultValue = "") String back, Actor actor,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        switch (amendments.publishDispositions(slug, actor)) {
            case Result.Ok<?> ok -> {
                redirect.addFlashAttribute("message", "The dispositions are published and their authors are told by mail.");
                return "redirect:/consultations/" + slug + "/trail";
            }
            case Result.Rejected<?> rejected -> {
                response.setStatus(statusOf(rejected.refusal()));
                return listPage(slug, "", 0, actor, model, new FormState("publish", refused(rejected.refusal()),
                        Map.of()));
            }
        }
    }

    @GetMapping("/me/amendments")
    @RequiresSignIn
    String mine(Actor actor, Model model) {
        model.addAttribute("amendments", amendments.byAuthor(actor.accountId(), 200));
        var comments = this.comments.byAuthor(actor.accountId(), new PageRequest(0, 200)).items();
        var answers = amendments.commentDispositions(comments.stream().map(CommentView::id).toList());
        model.addAttribute("answered", comments.stream().filter(c -> answers.containsKey(c.id()))
                .map(c -> new AnsweredComment(c, consultations.findById(c.consultationId()).map(ConsultationView::slug)
                        .orElse(""), answers.get(c.id()))).toList());
        return "amendment/mine";
    }

    private String listPage(String slug, String paragraphId, int page, Actor actor, Model model, FormState form) {
        ConsultationView consultation = consultation(slug);
        var version = drafts.currentVersion(consultation.documentId()).orElseThrow();
        var paragraph = paragraphId.isBlank() ? null : version.paragraphsById().get(paragraphId);
        if (!paragraphId.isBlank() && paragraph == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        PageRequest request = Paging.forPages(page, PAGE_SIZE);
        var list = amendments.list(slug, paragraphId, request, actor).orThrow();
        boolean confirmed = amendments.canPropose(actor);
        model.addAttribute("page", new AmendmentListPage(consultation, paragraph, list, version.paragraphs(),
                consultation.isOpen() && confirmed, actor != null && !confirmed,
                actor == null ? List.of() : organizations.representedBy(actor.accountId()),
                amendments.canDispose(actor, consultation)));
        model.addAttribute("form", form);
        return "amendment/amendments";
    }

    private String page(String slug, String id, Actor actor, Model model, FormState form) {
        ConsultationView consultation = consultation(slug);
        AmendmentView amendment = find(slug, id, actor);
        DispositionView disposition = amendment.disposition();
        boolean changeable = consultation.isOpen() && !amendment.isHidden()
                && (disposition == null || !disposition.published());
        List<OrganizationView> represented = actor == null || !changeable ? List.of()
                : organizations.representedBy(actor.accountId());
        Set<String> supporting = amendment.supports().supporters().stream()
                .map(AmendmentSupports.Supporter::organizationId).collect(Collectors.toSet());
        String proposer = amendment.organization() == null ? null : amendment.organization().id();
        var canSupport = represented.stream().filter(o -> !o.id().equals(proposer) && !supporting.contains(o.id()))
                .toList();
        var canWithdraw = represented.stream().filter(o -> supporting.contains(o.id())).toList();
        boolean secretariat = amendments.canDispose(actor, consultation);
        var others = secretariat ? amendments.list(slug, null, new PageRequest(0, PageRequest.MAX_SIZE), actor)
                .orThrow().items().stream().filter(a -> !a.id().equals(id)).toList() : List.<AmendmentView>of();
        model.addAttribute("page", new AmendmentPage(consultation, amendment, canSupport, canWithdraw, secretariat,
                others));
        model.addAttribute("form", form);
        return "amendment/amendment";
    }

    private AmendmentView find(String slug, String id, Actor actor) {
        return switch (amendments.find(slug, id, actor)) {
            case Result.Ok<AmendmentView> ok -> ok.value();
            case Result.Rejected<AmendmentView> rejected -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private ConsultationView consultation(String slug) {
        return consultations.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static int statusOf(Refusal refusal) {
        return refusal.kind() == Refusal.Kind.CONFLICT ? 409 : 422;
    }

    /** Refusals a person cannot fix in the form end with the error page; the others come back next to the fields. */
    static FormErrors refused(Refusal refusal) {
        switch (refusal.kind()) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal.title());
            default -> {
                return FormErrors.of(refusal);
            }
        }
    }
}
