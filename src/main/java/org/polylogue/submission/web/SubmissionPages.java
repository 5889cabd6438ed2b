package org.polylogue.submission.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.polylogue.process.ConsultationStatus;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.security.TooManyRequestsException;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.shared.web.Format;
import org.polylogue.shared.web.Paging;
import org.polylogue.shared.web.RateLimiter;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.submission.SubmissionFile;
import org.polylogue.submission.SubmissionPermissions;
import org.polylogue.submission.SubmissionView;
import org.polylogue.submission.Submissions;
import org.polylogue.submission.UploadSubmission;
import org.polylogue.submission.internal.SubmissionSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@Controller
class SubmissionPages {

    private static final int PAGE_SIZE = 50;

    private final Submissions submissions;
    private final Consultations consultations;
    private final Organizations organizations;
    private final SubmissionPermissions permissions;
    private final RateLimiter rateLimiter;

    SubmissionPages(Submissions submissions, Consultations consultations, Organizations organizations,
            SubmissionPermissions permissions, RateLimiter rateLimiter) {
        this.submissions = submissions;
        this.consultations = consultations;
        this.organizations = organizations;
        this.permissions = permissions;
        this.rateLimiter = rateLimiter;
    }

    @GetMapping("/consultations/{slug}/submissions")
    @PublicEndpoint("written submissions are public the moment they are accepted")
    String list(@PathVariable String slug, @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        var consultation = find(slug);
        return listPage(model, consultation, page, form(consultation, actor, "", "", null, FormErrors.none()));
    }

    @PostMapping("/consultations/{slug}/submissions")
    @RequiresSignIn
    String upload(@PathVariable String slug, @RequestPart(name = "file", required = false) @org.jspecify.annotations.Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary,
            @RequestParam(required = false) String organizationId, Actor actor, Model model,
            HttpServletResponse response) {
        var consultation = find(slug);
        String organization = organizationId == null || organizationId.isBlank() ? null : organizationId;
        // limited here rather than by annotation, so that the form comes back with the text kept
        var wait = rateLimiter.tryConsume(RateLimit.SUBMISSION_PER_ACCOUNT, "account " + actor.accountId());
        Result<SubmissionView> result;
        if (wait.isPresent()) {
            var refused = new TooManyRequestsException(RateLimit.SUBMISSION_PER_ACCOUNT, wait.get());
            response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
            result = Result.rejected(new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "too-many-requests",
                    "You are uploading submissions very quickly. Wait " + refused.retryAfterText()
                            + " and upload again.", List.of()));
        } else {
            result = submissions.upload(slug, new UploadSubmission(title, summary, organization,
                    file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(),
                    file == null || file.isEmpty() ? null : file), actor);
        }
        if (result instanceof Result.Ok<SubmissionView> ok) {
            return "redirect:/submissions/" + ok.value().id();
        }
        Refusal refusal = ((Result.Rejected<SubmissionView>) result).refusal();
        var current = find(slug);
        var messages = new java.util.LinkedHashMap<>(FormErrors.of(refusal).messages());
        if (refusal.code().equals("consultation-closed") || refusal.code().equals("email-not-confirmed")
                || refusal.code().equals("too-many-requests") || refusal.code().equals("extraction-busy")) {
            messages.put("file", refusal.title());
        }
        boolean fileFine = !messages.containsKey("file");
        if (file != null && !file.isEmpty() && fileFine) {
            // a browser cannot keep the chosen file when the form comes back
            messages.put("file", "Choose the file again: a browser cannot keep it when the form comes back");
        } else if (messages.containsKey("file") && file != null && !file.isEmpty()) {
            String message = messages.get("file");
            messages.put("file", message + (message.endsWith(".") ? "" : ".")
                    + " Your title and summary are kept; choose a file again (a browser cannot keep it)");
        }
        response.setStatus(switch (refusal.kind()) {
            case INVALID, UNPROCESSABLE -> 422;
            default -> refusal.kind().status();
        });
        return listPage(model, current, 0, form(current, actor, title, summary, organization,
                new FormErrors(messages), true));
    }

    @GetMapping("/submissions/{id}")
    @PublicEndpoint("written submissions are public the moment they are accepted")
    String submission(@PathVariable String id, Model model) {
        var submission = findSubmission(id);
        model.addAttribute("consultation", consultations.findById(submission.consultationId()).orElseThrow());
        model.addAttribute("submission", submission);
        model.addAttribute("paragraphs", paragraphs(submission.text()));
        return "submission/submission";
    }

    @GetMapping("/submissions/{id}/file")
    @PublicEndpoint("the original file of a public submission, as an attachment")
    Object file(@PathVariable String id, Model model, HttpServletResponse response) {
        return switch (submissions.file(id)) {
            case Result.Ok<SubmissionFile> ok -> Downloads.attachment(ok.value());
            case Result.Rejected<SubmissionFile> rejected -> {
                if (rejected.refusal().kind() != Refusal.Kind.GONE) {
                    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                }
                // hidden: the page with the moderators' notice instead of the file
                response.setStatus(410);
                yield submission(id, model);
            }
        };
    }

    /** Paragraphs of extracted text: split at blank lines, line breaks within kept by the stylesheet. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private String listPage(Model model, ConsultationView consultation, int page, SubmissionForm form) {
        model.addAttribute("consultation", consultation);
        model.addAttribute("submissions",
                submissions.list(consultation.slug(), Paging.forPages(page, PAGE_SIZE)).orThrow());
        model.addAttribute("form", form);
        return "submission/list";
    }

    private SubmissionForm form(ConsultationView consultation, Actor actor, String title, String summary,
            String organizationId, FormErrors errors) {
        return form(consultation, actor, title, summary, organizationId, errors, false);
    }

    private SubmissionForm form(ConsultationView consultation, Actor actor, String title, String summary,
            String organizationId, FormErrors errors, boolean afterPost) {
        String maxSize = SubmissionSettings.sizeText(submissions.maxBytes());
        String reason = null;
        if (consultation.status() == ConsultationStatus.UPCOMING) {
            reason = "Submissions open on " + Format.dateTime(consultation.opensAt()) + ".";
        } else if (!consultation.isOpen()) {
            reason = "This consultation closed on " + Format.dateTime(consultation.closesAt())
                    + "; submissions are no longer accepted.";
        } else if (actor == null) {
            reason = "sign-in";
        } else if (!permissions.hasConfirmedEmail(actor)) {
            reason = "Confirm your email address before submitting: open the link we mailed you, or ask for a new "
                    + "one on your account page.";
        }
        boolean shown = reason == null || afterPost && actor != null;
        return new SubmissionForm(shown, reason, title, summary, organizationId,
                actor == null ? List.of() : organizations.representedBy(actor.accountId()), errors, maxSize);
    }

    private SubmissionView findSubmission(String id) {
        return switch (submissions.find(id)) {
            case Result.Ok<SubmissionView> ok -> ok.value();
            case Result.Rejected<SubmissionView> rejected -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private ConsultationView find(String slug) {
        return consultations.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
