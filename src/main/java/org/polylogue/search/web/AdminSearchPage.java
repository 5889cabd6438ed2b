package org.polylogue.search.web;

import jakarta.servlet.http.HttpServletRequest;
import org.polylogue.search.ReindexStatus;
import org.polylogue.search.Search;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class AdminSearchPage {

    private final Search search;

    AdminSearchPage(Search search) {
        this.search = search;
    }

    @GetMapping("/admin/search")
    @RequiresSignIn
    String page(Actor actor, Model model) {
        model.addAttribute("status", status(search.reindexStatus(actor)));
        return "search/admin";
    }

    /** The progress alone, polled by htmx while a rebuild runs. */
    @GetMapping("/admin/search/progress")
    @RequiresSignIn
    String progress(Actor actor, Model model, HttpServletRequest request) {
        model.addAttribute("status", status(search.reindexStatus(actor)));
        return request.getHeader("HX-Request") != null ? "search/progress" : "redirect:/admin/search";
    }

    @PostMapping("/admin/search/reindex")
    @RequiresSignIn
    String reindex(Actor actor) {
        status(search.reindex(actor));
        return "redirect:/admin/search";
    }

    private static ReindexStatus status(Result<ReindexStatus> result) {
        if (result instanceof Result.Rejected<ReindexStatus> rejected) {
            throw new AccessDeniedException(rejected.refusal().title());
        }
        return result.orThrow();
    }
}
