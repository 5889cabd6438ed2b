package org.polylogue.publishing.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.polylogue.publishing.OpenData;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The open data page: what is published, under which licence, and the downloads. */
@Controller
class OpenDataPage {

    private final OpenData openData;

    OpenDataPage(OpenData openData) {
        this.openData = openData;
    }

    @GetMapping("/open-data")
    @PublicEndpoint("explains the public open data and links to it")
    String page(@RequestParam(required = false) String regenerated, Actor actor, Model model) {
        var everything = download(openData.everything(), actor);
        var processes = openData.processes().stream()
                .map(process -> download(new OpenData.Target(process), actor)).toList();
        String shown = regenerated != null && regenerated.matches("[a-z0-9-]{1,100}\\.zip") ? regenerated : null;
        model.addAttribute("view", new OpenDataView(everything, processes, openData.sources(), openData.licenceName(),
                openData.licenceUrl(), shown));
        return "publishing/open-data";
    }

    @PostMapping("/open-data/regeneration")
    @RequiresSignIn
    String regenerate(@RequestParam(defaultValue = "") String process, Actor actor) {
        var target = process.isBlank() ? openData.everything() : openData.ofProcess(process)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        return switch (openData.regenerate(target, actor)) {
            case Result.Ok<?> ok -> "redirect:/open-data?regenerated="
                    + URLEncoder.encode(target.fileName(), StandardCharsets.UTF_8);
            case Result.Rejected<?> rejected -> throw new AccessDeniedException(rejected.refusal().title());
        };
    }

    private OpenDataView.Download download(OpenData.Target target, Actor actor) {
        var cached = openData.cached(target);
        var process = target.process();
        return new OpenDataView.Download(process == null ? null : process.slug(),
                process == null ? "Everything on the platform" : process.title(), "/api/v1/exports/" + target.fileName(),
                cached.map(f -> f.generatedAt()).orElse(null), cached.map(f -> f.bytes()).orElse(0L),
                openData.canRegenerate(actor, target));
    }
}
