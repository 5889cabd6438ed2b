package org.polylogue.search.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.polylogue.search.ReindexStatus;
import org.polylogue.search.Search;
import org.polylogue.search.SearchQuery;
import org.polylogue.search.SearchResults;
import org.polylogue.search.Suggestion;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Search", description = "Full-text search of all public content in six languages, with filters, facets and name suggestions; rebuilding the index for administrators")
@RestController
class SearchApi {

    private final Search search;

    SearchApi(Search search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    @PublicEndpoint("search finds only public content, and what is visible to few only for those few")
    @Operation(operationId = "searchSearch", summary = "Search everything in six languages", description = """
            Words (all required), "phrases", -excluded, a | b, prefix* and parentheses; the query is analysed \
            for every language it could be in (Arabic, Chinese, English, French, Russian, Spanish), so inflected \
            forms and segmented Chinese words are found. Filters: kind, process (id), group (stakeholder group), \
            region (UN regional group), organization (id), language (ISO 639-1), year or from/to (YYYY-MM-DD). \
            sort=relevance|date. Facets count the results per value. Up to 5,000 results the total and the \
            facet counts are exact; beyond that they are estimated from a fixed sample of the index (at least \
            1,000 of the results; a one-word total is often exact even so) and `estimated` is true, unless exact=true asks for every result to be counted \
            (slower for very broad searches). Snippets are HTML with everything escaped \
            but <mark>. A page past the end is empty; any text gives results or a 400 problem with field errors.""")
    SearchResults search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String process, @RequestParam(required = false) String group,
            @RequestParam(required = false) String region, @RequestParam(required = false) String organization,
            @RequestParam(required = false) String language, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String year,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(defaultValue = "false") boolean exact,
            Actor actor) {
        var query = SearchQuery.parse(q, kind, process, group, region, organization, language, from, to, year, sort,
                page, size, 20).orThrow();
        return search.search(query, actor, exact).orThrow();
    }

    @GetMapping("/api/v1/search/suggestions")
    @PublicEndpoint("names of organisations and processes are public")
    @Operation(operationId = "searchSuggestions", summary = "Organisations and processes whose names contain the text typed", description = """
            At most 8 of each, for suggestions while typing; fewer than 2 characters give none. Each item's \
            type (organization or process) and id are the filter to add to a search.""")
    Map<String, List<Suggestion>> suggestions(@RequestParam(defaultValue = "") String q) {
        return Map.of("items", search.suggestions(q));
    }

    @PostMapping("/api/v1/admin/search/reindex")
    @RequiresSignIn
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "searchReindex", summary = "Rebuild the search index (administrators)", description = """
            Starts a full rebuild in the background into a new index; searches keep being answered from the \
            current one until the new one is complete. Starting while a rebuild runs changes nothing. 403 for \
            anyone but a platform administrator.""")
    ReindexStatus reindex(Actor actor) {
        return search.reindex(actor).orThrow();
    }

    @GetMapping("/api/v1/admin/search/reindex")
    @RequiresSignIn
    @Operation(operationId = "searchReindexStatus", summary = "Progress of the rebuild of the search index (administrators)",
            description = """
            Platform administrators only (403 otherwise). Whether a rebuild runs, the kind of content being read, \
            kinds read out of the total, documents written so far, when the last rebuild started and finished, \
            why it failed (or null), and the documents in the index searched now.""")
    ReindexStatus reindexStatus(Actor actor) {
        return search.reindexStatus(actor).orThrow();
    }
}
