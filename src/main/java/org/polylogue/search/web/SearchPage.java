package org.polylogue.search.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.polylogue.search.Search;
import org.polylogue.search.SearchQuery;
import org.polylogue.search.SearchResults;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SearchPage {

    private static final int PAGE_SIZE = 20;

    private final Search search;

    SearchPage(Search search) {
        this.search = search;
    }

    @GetMapping("/search")
    @PublicEndpoint("search finds only public content, and what is visible to few only for those few")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String process, @RequestParam(required = false) String group,
            @RequestParam(required = false) String region, @RequestParam(required = false) String organization,
            @RequestParam(required = false) String language, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String year,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            @RequestParam(defaultValue = "false") boolean exact, Actor actor,
            Model model, HttpServletResponse response) {
        var parsed = SearchQuery.parse(q, kind, process, group, region, organization, language, from, to, year, sort,
                page, null, PAGE_SIZE);
        SearchQuery query = parsed instanceof Result.Ok<SearchQuery> ok ? ok.value()
                : SearchQuery.parse(q, kind, process, group, region, organization, language, null, null, null, sort,
                        null, null, PAGE_SIZE).orThrow();
        Result<SearchResults> results = parsed instanceof Result.Rejected<SearchQuery> rejected
                ? Result.rejected(rejected.refusal())
                : search.search(query, actor, exact);
        model.addAttribute("query", query);
        model.addAttribute("links", new SearchLinks(query, year, exact));
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        switch (results) {
            case Result.Ok<SearchResults> ok -> {
                model.addAttribute("results", ok.value());
                model.addAttribute("errors", FormErrors.none());
            }
            case Result.Rejected<SearchResults> rejected -> {
                model.addAttribute("results", null);
                model.addAttribute("errors", FormErrors.of(rejected.refusal()));
                response.setStatus(400);
            }
        }
        return "search/search";
    }

    @GetMapping("/search/suggestions")
    @PublicEndpoint("names of organisations and processes are public")
    String suggestions(@RequestParam(defaultValue = "") String names, HttpServletRequest request, Model model) {
        model.addAttribute("names", names);
        model.addAttribute("suggestions", search.suggestions(names));
        // htmx asks for the list alone; without JavaScript the form opens a page with it
        return request.getHeader("HX-Request") != null ? "search/suggestion-list" : "search/suggestions";
    }
}
