package org.polylogue.contribution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.Comments;
import org.polylogue.contribution.SubmitComment;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.Drafts;
import org.polylogue.process.ConsultationStatus;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.shared.web.Format;
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

@Controller
class ContributionPages {

    private static final int PAGE_SIZE = 50;

    private final ConsultationPageQuery pageQuery;
    private final Consultations consultations;
    private final Comments comments;
    private final Drafts drafts;
    private final Organizations organizations;

    ContributionPages(ConsultationPageQuery pageQuery, Consultations consultations, Comments comments, Drafts drafts,
            Organizations organizations) {
        this.pageQuery = pageQuery;
        this.consultations = consultations;
        this.comments = comments;
        this.drafts = drafts;
        this.organizations = organizations;
    }

    @GetMapping("/consultations/{slug}")
    @PublicEndpoint("consultations, drafts and comments are public")
    String consultation(@PathVariable String slug, Actor actor, Model model) {
        var page = pageQuery.load(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", page);
        model.addAttribute("viewer", viewer(actor, page.consultation()));
        return "contribution/consultation";
    }

    @GetMapping("/consultations/{slug}/paragraphs/{paragraphId}")
    @PublicEndpoint("consultations, drafts and comments are public")
    String paragraph(@PathVariable String slug, @PathVariable String paragraphId,
            @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        var consultation = find(slug);
        Block paragraph = drafts.paragraph(consultation.documentId(), paragraphId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var viewer = viewer(actor, consultation);
        return paragraphPage(model, consultation, paragraph, page, viewer,
                form(consultation, paragraph, "", null, viewer, FormErrors.none()));
    }

    @GetMapping("/consultations/{slug}/document-comments")
    @PublicEndpoint("consultations, drafts and comments are public")
    String documentComments(@PathVariable String slug, @RequestParam(defaultValue = "0") int page, Actor actor,
            Model model) {
        var consultation = find(slug);
        var viewer = viewer(actor, consultation);
        return paragraphPage(model, consultation, null, page, viewer,
                form(consultation, null, "", null, viewer, FormErrors.none()));
    }

    @PostMapping("/consultations/{slug}/comments")
    @RequiresSignIn
    String submit(@PathVariable String slug, @RequestParam(required = false) String paragraphId,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) String organizationId,
            Actor actor, Model model, HttpServletResponse response) {
        var consultation = find(slug);
        String paragraph = paragraphId == null || paragraphId.isBlank() ? null : paragraphId;
        String organization = organizationId == null || organizationId.isBlank() ? null : organizationId;
        var result = comments.submit(slug, new SubmitComment(paragraph, body, organization), actor);
        if (result instanceof Result.Ok<CommentView> ok) {
            return "redirect:/consultations/" + slug + "#comment-" + ok.value().id();
        }
        Refusal refusal = ((Result.Rejected<CommentView>) result).refusal();
        Block block = paragraph == null ? null
                : drafts.paragraph(consultation.documentId(), paragraph).orElse(null);
        if (paragraph != null && block == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var viewer = viewer(actor, consultation);
        var current = consultations.find(slug).orElseThrow();
        FormErrors errors = FormErrors.of(refusal);
        if (refusal.code().equals("consultation-closed")) {
            errors = new FormErrors(java.util.Map.of("body", closedMessage(current)));
        }
        response.setStatus(refusal.kind() == Refusal.Kind.CONFLICT ? 409 : 422);
        return paragraphPage(model, current, block, 0, viewer, form(current, block, body, organization,
                new Viewer(viewer.signedIn(), true, viewer.canRun(), viewer.organizations()), errors));
    }

    @GetMapping("/me/contributions")
    @RequiresSignIn
    String myContributions(@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        Paged<CommentView> mine = comments.byAuthor(actor.accountId(), Paging.forPages(page, PAGE_SIZE));
        model.addAttribute("comments", mine);
        model.addAttribute("consultations",
                consultations.findAll(mine.items().stream().map(CommentView::consultationId).distinct().toList()));
        return "contribution/mine";
    }

    private String paragraphPage(Model model, ConsultationView consultation, Block paragraph, int page, Viewer viewer,
            CommentForm form) {
        String scope = paragraph == null ? "document" : paragraph.paragraphId();
        var list = comments.list(consultation.slug(), scope, Paging.forPages(page, PAGE_SIZE)).orThrow();
        model.addAttribute("consultation", consultation);
        model.addAttribute("paragraph", paragraph);
        model.addAttribute("comments", list);
        model.addAttribute("viewer", viewer);
        model.addAttribute("form", form);
        return "contribution/paragraph";
    }

    private CommentForm form(ConsultationView consultation, Block paragraph, String body, String organizationId,
            Viewer viewer, FormErrors errors) {
        String label = paragraph == null ? "Your comment on the whole document"
                : "Your comment on paragraph " + paragraph.number();
        return new CommentForm(consultation.slug(), paragraph == null ? null : paragraph.paragraphId(), label, body,
                organizationId, viewer.organizations(), errors);
    }

    /** The refusal of a comment outside the window in words, with the time as the page shows it. */
    private static String closedMessage(ConsultationView consultation) {
        if (consultation.status() == ConsultationStatus.UPCOMING) {
            return "This consultation opens for comments on " + Format.dateTime(consultation.opensAt())
                    + ", so your comment was not published. Your text is still here to copy.";
        }
        return "This consultation closed on " + Format.dateTime(consultation.closesAt())
                + ", so your comment was not published. Your text is still here to copy.";
    }

    private ConsultationView find(String slug) {
        return consultations.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Viewer viewer(Actor actor, ConsultationView consultation) {
        if (actor == null) {
            return new Viewer(false, false, false, List.of());
        }
        return new Viewer(true, consultation.isOpen(), consultations.canRun(actor, consultation),
                organizations.representedBy(actor.accountId()));
    }
}
