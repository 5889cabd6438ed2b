package org.polylogue.contribution.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.Comments;
import org.polylogue.contribution.ContributionPermissions;
import org.polylogue.contribution.SubmitComment;
import org.polylogue.contribution.internal.CommentRepository;
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
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.security.TooManyRequestsException;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.shared.web.Format;
import org.polylogue.shared.web.Layout;
import org.polylogue.shared.web.Paging;
import org.polylogue.shared.web.RateLimiter;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
class ContributionPages {

    private static final int PAGE_SIZE = 50;
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ConsultationPageQuery pageQuery;
    private final Consultations consultations;
    private final Comments comments;
    private final Drafts drafts;
    private final Organizations organizations;
    private final ConsultationPageCache pageCache;
    private final TemplateEngine templates;
    private final BatchedReads<String, Optional<ConsultationPageCache.Key>> currentKeys;
    private final ContributionPermissions permissions;
    private final RateLimiter rateLimiter;

    ContributionPages(ConsultationPageQuery pageQuery, Consultations consultations, Comments comments, Drafts drafts,
            Organizations organizations, CommentRepository commentRepository, ConsultationPageCache pageCache,
            TemplateEngine templates, ContributionPermissions permissions, RateLimiter rateLimiter) {
        this.permissions = permissions;
        this.rateLimiter = rateLimiter;
        this.pageQuery = pageQuery;
        this.consultations = consultations;
        this.comments = comments;
        this.drafts = drafts;
        this.organizations = organizations;
        this.pageCache = pageCache;
        this.templates = templates;
        // the change count is read after the consultation and before the page's comments, so that a
        // rendering is never older than its key says
        this.currentKeys = new BatchedReads<>(slug -> consultations.find(slug)
                .map(c -> new ConsultationPageCache.Key(c, drafts.currentVersion(c.documentId()).orElseThrow().number(),
                        commentRepository.changes(c.id()))));
    }

    /**
     * Visitors who are not signed in all get the same page, served from {@link ConsultationPageCache}
     * (gzipped when they accept it, 304 when they hold it) once {@link #currentKeys} has said which
     * rendering is current. Signed-in people get their own, with forms and CSRF tokens.
     */
    @GetMapping("/consultations/{slug}")
    @PublicEndpoint("consultations, drafts and comments are public")
    ResponseEntity<byte[]> consultation(@PathVariable String slug, Actor actor, Model model,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (actor != null) {
            var consultation = find(slug);
            var page = pageQuery.load(consultation);
            // what the secretariat's window form left in the flash, if it came back here
            Map<String, Object> window = new java.util.HashMap<>();
            for (String name : List.of("windowErrors", "windowOpensAt", "windowClosesAt", "windowChanged")) {
                if (model.getAttribute(name) != null) {
                    window.put(name, model.getAttribute(name));
                }
            }
            return html().body(render((Layout) model.getAttribute("layout"), page, viewer(actor, consultation), window));
        }
        var key = currentKeys.get(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var rendered = pageCache.get(key, () -> render(new Layout(null, null, "/consultations/" + slug),
                pageQuery.load(key.consultation()), viewer(null, key.consultation()), Map.of()));
        boolean gzip = acceptsGzip(acceptEncoding);
        String etag = gzip ? rendered.gzipEtag() : rendered.etag();
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache())
                    .varyBy(HttpHeaders.ACCEPT_ENCODING).build();
        }
        var response = html().eTag(etag).cacheControl(CacheControl.noCache()).varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.body(gzip ? rendered.gzip() : rendered.html());
    }

    private byte[] render(Layout layout, ConsultationPage page, Viewer viewer, Map<String, Object> extra) {
        var output = new Utf8ByteOutput();
        Map<String, Object> parameters = new java.util.HashMap<>(extra);
        parameters.putAll(Map.of("layout", layout, "page", page, "viewer", viewer));
        templates.render("contribution/consultation.jte", parameters, output);
        return output.toByteArray();
    }

    private static ResponseEntity.BodyBuilder html() {
        return ResponseEntity.ok().contentType(HTML).header(HttpHeaders.CONTENT_LANGUAGE, "en");
    }

    /** Whether the client takes gzip: named in Accept-Encoding and not with q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            if (!parts[0].strip().equalsIgnoreCase("gzip")) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        return Double.parseDouble(parameter.substring(2)) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    @GetMapping("/consultations/{slug}/paragraphs/{paragraphId}")
    @PublicEndpoint("consultations, drafts and comments are public")
    String paragraph(@PathVariable String slug, @PathVariable String paragraphId,
            @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        var consultation = find(slug);
        // a paragraph removed from the current version stays reachable with its comments
        Block paragraph = drafts.paragraph(consultation.documentId(), paragraphId)
                .or(() -> drafts.latestParagraph(consultation.documentId(), paragraphId).map(last -> {
                    model.addAttribute("removedNotice", "This paragraph is not in the current version of the draft; "
                            + "it is shown as it last read.");
                    return last;
                }))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var viewer = viewer(actor, consultation);
        return paragraphPage(model, consultation, paragraph, page, viewer,
                form(consultation, paragraph, "", null, viewer, FormErrors.none()), actor);
    }

    @GetMapping("/consultations/{slug}/document-comments")
    @PublicEndpoint("consultations, drafts and comments are public")
    String documentComments(@PathVariable String slug, @RequestParam(defaultValue = "0") int page, Actor actor,
            Model model) {
        var consultation = find(slug);
        var viewer = viewer(actor, consultation);
        return paragraphPage(model, consultation, null, page, viewer,
                form(consultation, null, "", null, viewer, FormErrors.none()), actor);
    }

    @PostMapping("/consultations/{slug}/comments")
    @RequiresSignIn
    String submit(@PathVariable String slug, @RequestParam(required = false) String paragraphId,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) String organizationId,
            Actor actor, Model model, HttpServletRequest request, HttpServletResponse response) {
        var consultation = find(slug);
        String paragraph = paragraphId == null || paragraphId.isBlank() ? null : paragraphId;
        String organization = organizationId == null || organizationId.isBlank() ? null : organizationId;
        // limited here rather than by annotation, so that the form comes back with the text kept
        var wait = rateLimiter.tryConsume(RateLimit.COMMENT_PER_ACCOUNT, "account " + actor.accountId())
                .or(() -> rateLimiter.tryConsume(RateLimit.COMMENT_PER_ADDRESS, RateLimiter.addressKey(request.getRemoteAddr())));
        Result<CommentView> result;
        if (wait.isPresent()) {
            var refused = new TooManyRequestsException(RateLimit.COMMENT_PER_ACCOUNT, wait.get());
            response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
            result = Result.rejected(new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "too-many-requests",
                    "You are publishing comments very quickly. Wait " + refused.retryAfterText()
                            + " and publish again; your text is kept below.", List.of()));
        } else {
            result = comments.submit(slug, new SubmitComment(paragraph, body, organization), actor);
        }
        if (result instanceof Result.Ok<CommentView> ok) {
            // to the page that lists the new comment (the consultation page shows only the first ones)
            long count = comments.list(slug, paragraph == null ? "document" : paragraph, Paging.of(0, 1)).orThrow()
                    .total();
            if (count <= ConsultationPageQuery.FIRST_COMMENTS) {
                return "redirect:/consultations/" + slug + "#comment-" + ok.value().id();
            }
            long last = (count - 1) / PAGE_SIZE;
            String list = paragraph == null ? "/document-comments" : "/paragraphs/" + paragraph;
            return "redirect:/consultations/" + slug + list + (last > 0 ? "?page=" + last : "") + "#comment-"
                    + ok.value().id();
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
        response.setStatus(switch (refusal.kind()) {
            case CONFLICT, FORBIDDEN, TOO_MANY_REQUESTS -> refusal.kind().status();
            default -> 422;
        });
        return paragraphPage(model, current, block, 0, viewer, form(current, block, body, organization,
                new Viewer(viewer.signedIn(), true, viewer.canRun(), viewer.organizations(), false), errors), actor);
    }

    @GetMapping("/consultations/{slug}/comments/{id}")
    @PublicEndpoint("comments and their earlier texts are public")
    String comment(@PathVariable String slug, @PathVariable String id, Actor actor, Model model) {
        var consultation = find(slug);
        var comment = findComment(slug, id, actor);
        model.addAttribute("consultation", consultation);
        model.addAttribute("comment", comment);
        model.addAttribute("revisions", comments.revisions(slug, id).orThrow());
        model.addAttribute("canEdit", consultation.isOpen() && comments.canEdit(actor, slug, id));
        return "contribution/comment-page";
    }

    @GetMapping("/consultations/{slug}/comments/{id}/edit")
    @RequiresSignIn
    String editForm(@PathVariable String slug, @PathVariable String id, Actor actor, Model model) {
        var consultation = find(slug);
        var comment = findComment(slug, id, actor);
        if (!comments.canEdit(actor, slug, id)) {
            throw new org.springframework.security.access.AccessDeniedException("Only the author can change it.");
        }
        model.addAttribute("consultation", consultation);
        model.addAttribute("comment", comment);
        model.addAttribute("body", comment.body());
        model.addAttribute("errors", FormErrors.none());
        return "contribution/comment-edit";
    }

    @PostMapping("/consultations/{slug}/comments/{id}/edit")
    @RequiresSignIn
    String edit(@PathVariable String slug, @PathVariable String id, @RequestParam(defaultValue = "") String body,
            Actor actor, Model model, HttpServletRequest request, HttpServletResponse response) {
        var consultation = find(slug);
        var wait = rateLimiter.tryConsume(RateLimit.COMMENT_PER_ACCOUNT, "account " + actor.accountId());
        Result<CommentView> result = wait.isPresent()
                ? Result.rejected(new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "too-many-requests",
                        "You are changing comments very quickly. Wait "
                                + new TooManyRequestsException(RateLimit.COMMENT_PER_ACCOUNT, wait.get()).retryAfterText()
                                + " and save again; your text is kept below.", List.of()))
                : comments.edit(slug, id, body, actor);
        if (result instanceof Result.Ok<CommentView> ok) {
            return "redirect:/consultations/" + slug + "/comments/" + ok.value().id();
        }
        Refusal refusal = ((Result.Rejected<CommentView>) result).refusal();
        if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (refusal.kind() == Refusal.Kind.FORBIDDEN) {
            throw new org.springframework.security.access.AccessDeniedException(refusal.title());
        }
        model.addAttribute("consultation", consultation);
        model.addAttribute("comment", findComment(slug, id, actor));
        model.addAttribute("body", body);
        model.addAttribute("errors", FormErrors.of(refusal));
        response.setStatus(refusal.kind() == Refusal.Kind.INVALID ? 422 : refusal.kind().status());
        return "contribution/comment-edit";
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
            CommentForm form, Actor actor) {
        String scope = paragraph == null ? "document" : paragraph.paragraphId();
        var list = comments.list(consultation.slug(), scope, Paging.forPages(page, PAGE_SIZE), actor).orThrow();
        model.addAttribute("consultation", consultation);
        model.addAttribute("paragraph", paragraph);
        model.addAttribute("comments", list);
        model.addAttribute("viewer", viewer);
        model.addAttribute("form", form);
        model.addAttribute("currentVersion", drafts.currentVersion(consultation.documentId()).orElseThrow().number());
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

    private CommentView findComment(String slug, String id, Actor actor) {
        return switch (comments.find(slug, id, actor)) {
            case Result.Ok<CommentView> ok -> ok.value();
            case Result.Rejected<CommentView> rejected -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private ConsultationView find(String slug) {
        return consultations.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Viewer viewer(Actor actor, ConsultationView consultation) {
        if (actor == null) {
            return new Viewer(false, false, false, List.of());
        }
        boolean confirmed = permissions.hasConfirmedEmail(actor);
        return new Viewer(true, consultation.isOpen() && confirmed, consultations.canRun(actor, consultation),
                organizations.representedBy(actor.accountId()), consultation.isOpen() && !confirmed);
    }
}
