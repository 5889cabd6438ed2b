package org.polylogue.drafting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.polylogue.drafting.AlignmentCorrection;
import org.polylogue.drafting.DraftOwner;
import org.polylogue.drafting.Drafts;
import org.polylogue.drafting.UploadVersion;
import org.polylogue.drafting.VersionDetail;
import org.polylogue.drafting.VersionDiff;
import org.polylogue.drafting.VersionSummary;
import org.polylogue.shared.Refusal;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Version pages: the list with the upload form, one version (the secretariat's review of a draft), the diff. */
@Controller
public class VersionPages {

    private final Drafts drafts;
    private final org.polylogue.drafting.DraftOwners owners;
    private final org.springframework.beans.factory.ObjectProvider<org.polylogue.drafting.AmendmentLookup> amendments;

    VersionPages(Drafts drafts, org.polylogue.drafting.DraftOwners owners,
            org.springframework.beans.factory.ObjectProvider<org.polylogue.drafting.AmendmentLookup> amendments) {
        this.drafts = drafts;
        this.owners = owners;
        this.amendments = amendments;
    }

    /** What the list page shows. */
    public record ListPage(DraftOwner consultation, List<VersionSummary> versions, boolean canEdit,
            List<org.polylogue.drafting.Block> removed, String markdown, FormErrors errors, String maxSize) {

        public int current() {
            return versions.stream().filter(v -> v.status() == org.polylogue.drafting.VersionStatus.PUBLISHED)
                    .mapToInt(VersionSummary::number).max().orElse(1);
        }

        public boolean hasDraft() {
            return versions.stream().anyMatch(v -> v.status() == org.polylogue.drafting.VersionStatus.DRAFT);
        }
    }

    /** What a version page shows. */
    public record VersionPage(DraftOwner consultation, VersionDetail version, boolean canEdit, int current,
            List<org.polylogue.drafting.Block> previous, String notice, FormErrors errors,
            java.util.Map<String, List<String>> accepted) {

        /** The accepted amendments this paragraph carries (made on the version before), by id; empty if none. */
        public List<String> acceptedFor(String paragraphId) {
            return paragraphId == null ? List.of() : accepted.getOrDefault(paragraphId, List.of());
        }
    }

    /** What the diff page shows. */
    public record DiffPage(DraftOwner consultation, VersionDiff diff, List<Integer> published, boolean redline) {}

    @GetMapping("/consultations/{slug}/versions")
    @PublicEndpoint("published versions of a consultation's draft are public; the upload form only for the secretariat")
    String list(@PathVariable String slug, Actor actor, Model model) {
        return listPage(model, slug, actor, "", FormErrors.none());
    }

    @PostMapping("/consultations/{slug}/versions")
    @RequiresSignIn
    String upload(@PathVariable String slug, @RequestParam(defaultValue = "") String markdown,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file, Actor actor, Model model,
            HttpServletResponse response) {
        Result<VersionDetail> result;
        if (file != null && !file.isEmpty()) {
            Path path = null;
            try {
                path = Files.createTempFile("draft-upload-", ".bin");
                file.transferTo(path);
                result = drafts.upload(slug, new UploadVersion(null, null, path, file.getSize()), actor);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                delete(path);
            }
        } else {
            result = drafts.upload(slug, UploadVersion.markdown(markdown), actor);
        }
        if (result instanceof Result.Ok<VersionDetail> ok) {
            return "redirect:/consultations/" + slug + "/versions/" + ok.value().number();
        }
        Refusal refusal = ((Result.Rejected<VersionDetail>) result).refusal();
        if (refusal.kind() == Refusal.Kind.NOT_FOUND || refusal.kind() == Refusal.Kind.FORBIDDEN) {
            throw new ResponseStatusException(HttpStatus.valueOf(refusal.kind().status()));
        }
        var messages = new java.util.LinkedHashMap<>(FormErrors.of(refusal).messages());
        if (messages.containsKey("document.text")) {
            messages.put("markdown", messages.remove("document.text"));
        }
        response.setStatus(refusal.kind() == Refusal.Kind.INVALID ? 422 : refusal.kind().status());
        return listPage(model, slug, actor, markdown, new FormErrors(messages));
    }

    @GetMapping("/consultations/{slug}/versions/{number}")
    @PublicEndpoint("published versions are public; a draft is shown to the secretariat only (404 for others)")
    String version(@PathVariable String slug, @PathVariable int number, @RequestParam(required = false) String done,
            Actor actor, Model model) {
        String notice = done == null ? null : switch (done) {
            case "corrected" -> "The alignment was corrected.";
            case "published" -> "Version " + number + " is published: it is now the current version.";
            default -> null;
        };
        return versionPage(model, slug, number, actor, notice, FormErrors.none());
    }

    @PostMapping("/consultations/{slug}/versions/{number}/alignment")
    @RequiresSignIn
    String correct(@PathVariable String slug, @PathVariable int number, @RequestParam Map<String, String> fields,
            Actor actor, Model model, HttpServletResponse response) {
        if (!drafts.canEdit(actor, owner(slug))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        var detail = orNotFound(drafts.detail(slug, number, actor));
        List<AlignmentCorrection> corrections = new ArrayList<>();
        for (var entry : detail.paragraphs()) {
            String chosen = fields.get("previous-" + entry.block().number());
            if (chosen == null) {
                continue;
            }
            String keeps = entry.keepsId() ? entry.previous().paragraphId() : null;
            String wanted = chosen.equals("new") || chosen.isBlank() ? null : chosen;
            if (!java.util.Objects.equals(keeps, wanted)) {
                corrections.add(new AlignmentCorrection(entry.block().number(), wanted));
            }
        }
        var result = drafts.correct(slug, number, corrections, actor);
        if (result instanceof Result.Rejected<VersionDetail> rejected) {
            return refused(rejected.refusal(), model, slug, number, actor, response);
        }
        return "redirect:/consultations/" + slug + "/versions/" + number + "?done=corrected";
    }

    @PostMapping("/consultations/{slug}/versions/{number}/publication")
    @RequiresSignIn
    String publish(@PathVariable String slug, @PathVariable int number, Actor actor, Model model,
            HttpServletResponse response) {
        var result = drafts.publish(slug, number, actor);
        if (result instanceof Result.Rejected<VersionDetail> rejected) {
            return refused(rejected.refusal(), model, slug, number, actor, response);
        }
        return "redirect:/consultations/" + slug + "/versions/" + number + "?done=published";
    }

    @PostMapping("/consultations/{slug}/versions/{number}/discard")
    @RequiresSignIn
    String discard(@PathVariable String slug, @PathVariable int number, Actor actor, Model model,
            HttpServletResponse response) {
        var result = drafts.discard(slug, number, actor);
        if (result instanceof Result.Rejected<Void> rejected) {
            return refused(rejected.refusal(), model, slug, number, actor, response);
        }
        return "redirect:/consultations/" + slug + "/versions";
    }

    @GetMapping("/consultations/{slug}/diff")
    @PublicEndpoint("a comparison of two public versions")
    String diff(@PathVariable String slug, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, @RequestParam(defaultValue = "side") String view,
            Actor actor, Model model) {
        var versions = orNotFound(drafts.versions(slug, null));
        var published = versions.stream().map(VersionSummary::number).sorted().toList();
        int newest = published.getLast();
        int toNumber = to == null ? newest : to;
        int fromNumber = from == null ? Math.max(1, toNumber - 1) : from;
        var diff = drafts.diff(slug, fromNumber, toNumber);
        if (diff instanceof Result.Rejected<VersionDiff> rejected) {
            throw new ResponseStatusException(rejected.refusal().kind() == Refusal.Kind.NOT_FOUND
                    ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
        }
        model.addAttribute("page", new DiffPage(owner(slug), ((Result.Ok<VersionDiff>) diff).value(), published,
                view.equals("redline")));
        return "drafting/diff";
    }

    private String refused(Refusal refusal, Model model, String slug, int number, Actor actor,
            HttpServletResponse response) {
        if (refusal.kind() == Refusal.Kind.NOT_FOUND || refusal.kind() == Refusal.Kind.FORBIDDEN) {
            throw new ResponseStatusException(HttpStatus.valueOf(refusal.kind().status()));
        }
        response.setStatus(refusal.kind() == Refusal.Kind.INVALID ? 422 : refusal.kind().status());
        var messages = new java.util.LinkedHashMap<String, String>();
        refusal.errors().forEach(e -> messages.putIfAbsent("", e.message()));
        messages.putIfAbsent("", refusal.title());
        return versionPage(model, slug, number, actor, null, new FormErrors(messages));
    }

    private String listPage(Model model, String slug, Actor actor, String markdown, FormErrors errors) {
        var consultation = owner(slug);
        var versions = orNotFound(drafts.versions(slug, actor));
        model.addAttribute("page", new ListPage(consultation, versions, drafts.canEdit(actor, consultation),
                drafts.removedParagraphs(consultation.documentId()), markdown, errors, drafts.maxUploadText()));
        return "drafting/versions";
    }

    private String versionPage(Model model, String slug, int number, Actor actor, String notice, FormErrors errors) {
        var consultation = owner(slug);
        var detail = orNotFound(drafts.detail(slug, number, actor));
        int current = drafts.currentVersion(consultation.documentId()).orElseThrow().number();
        var previous = number > 1 && detail.isDraft()
                ? drafts.version(consultation.documentId(), number - 1).orElseThrow().paragraphs() : List.<org.polylogue.drafting.Block>of();
        var lookup = amendments.getIfAvailable();
        var accepted = lookup == null || detail.isDraft() || number < 2
                ? java.util.Map.<String, List<String>>of() : lookup.acceptedLinks(consultation.documentId(), number);
        model.addAttribute("page", new VersionPage(consultation, detail, drafts.canEdit(actor, consultation), current,
                previous, notice, errors, accepted));
        return "drafting/version";
    }

    private DraftOwner owner(String slug) {
        return owners.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static <T> T orNotFound(Result<T> result) {
        return switch (result) {
            case Result.Ok<T> ok -> ok.value();
            case Result.Rejected<T> rejected -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private static void delete(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // removed with the other temporary files by the system
            }
        }
    }
}
