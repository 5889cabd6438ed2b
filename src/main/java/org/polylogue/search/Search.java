package org.polylogue.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polylogue.process.Processes;
import org.polylogue.search.internal.QueryText;
import org.polylogue.search.internal.Reindexer;
import org.polylogue.search.internal.Searcher;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.stakeholder.RegionalGroup;
import org.polylogue.stakeholder.StakeholderGroup;
import org.springframework.stereotype.Service;

/** The search module's front door: search, suggestions while typing, and rebuilding the index. */
@Service
public class Search {

    private static final Map<String, String> KIND_LABELS = Map.of("comment", "Comments", "statement",
            "Joint statements", "submission", "Written submissions", "paragraph", "Paragraphs of drafts", "amendment",
            "Amendments", "turn", "Transcript turns", "meeting", "Meetings");

    private final Searcher searcher;
    private final Reindexer reindexer;
    private final SearchPermissions permissions;
    private final Organizations organizations;
    private final Processes processes;
    /**
     * Names of organisations and titles of processes shown beside facet values, kept a short while:
     * a search then needs no database. A renamed organisation shows its new name within
     * {@link #LABELS_KEPT}.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, String> organizationNames;
    private final com.github.benmanes.caffeine.cache.Cache<String, Map<String, String>> processTitles;

    static final java.time.Duration LABELS_KEPT = java.time.Duration.ofSeconds(30);

    Search(Searcher searcher, Reindexer reindexer, SearchPermissions permissions, Organizations organizations,
            Processes processes) {
        this.searcher = searcher;
        this.reindexer = reindexer;
        this.permissions = permissions;
        this.organizations = organizations;
        this.processes = processes;
        this.organizationNames = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(20_000)
                .expireAfterWrite(LABELS_KEPT).build();
        this.processTitles = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1)
                .expireAfterWrite(LABELS_KEPT).build();
    }

    /**
     * One page of results as {@code actor} (null: the public) may see them. Refused (400) only for
     * a page below 0, a size outside 1 to {@value SearchQuery#MAX_SIZE}, an unknown sort or a
     * {@code from} after {@code to}; any text gives results (it is cleaned and shortened, see
     * {@link SearchResults#notice()}). A page past the end is empty.
     */
    public Result<SearchResults> search(SearchQuery query, Actor actor) {
        return search(query, actor, false);
    }

    /**
     * As {@link #search(SearchQuery, Actor)}; {@code exact} counts every match even when there are
     * more than {@value SearchResults#EXACT_UP_TO} (slower), instead of estimating from a sample.
     */
    public Result<SearchResults> search(SearchQuery query, Actor actor, boolean exact) {
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        if (query.page() < 0) {
            errors.add(new Refusal.FieldMessage("page", "must be 0 or more"));
        }
        if (query.size() < 1 || query.size() > SearchQuery.MAX_SIZE) {
            errors.add(new Refusal.FieldMessage("size", "must be between 1 and " + SearchQuery.MAX_SIZE));
        }
        if (query.sort() != null && !query.sort().isBlank() && !query.sort().equals("relevance")
                && !query.sort().equals("date")) {
            errors.add(new Refusal.FieldMessage("sort", "must be relevance or date"));
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            errors.add(new Refusal.FieldMessage("to", "is before from; choose an end on or after the start"));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        var parsed = QueryText.parse(query.text());
        Searcher.Found found;
        try {
            found = searcher.search(query, parsed.query(), actor == null ? null : actor.accountId(),
                    permissions.seesEverything(actor), exact);
        } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
            return Result.rejected(Refusal.invalid("q", "has too many words and wildcards; search with fewer"));
        }
        String notice = parsed.shortened() ? "Your query was long, so only its first " + QueryText.MAX_WORDS
                + " words (at most " + SearchQuery.MAX_TEXT + " characters) were searched for." : null;
        return Result.ok(new SearchResults(found.total(), labelled(found.facets()), found.hits(), query.page(),
                query.size(), notice, found.estimated()));
    }

    /** Organisations and processes whose names contain {@code typed}, at most 8 of each. */
    public List<Suggestion> suggestions(String typed) {
        String text = QueryText.clean(typed);
        if (text.length() < 2) {
            return List.of();
        }
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        List<Suggestion> suggestions = new ArrayList<>();
        organizations.search(text, 8).forEach(o -> suggestions.add(new Suggestion("organization", o.id(), o.name())));
        String lower = text.toLowerCase(Locale.ROOT);
        processes.all().stream().filter(p -> p.title().toLowerCase(Locale.ROOT).contains(lower)
                || p.slug().contains(lower)).limit(8)
                .forEach(p -> suggestions.add(new Suggestion("process", p.id(), p.title())));
        return suggestions;
    }

    /** Starts rebuilding the index in the background; administrators only (403 {@code not-administrator}). */
    public Result<ReindexStatus> reindex(Actor actor) {
        if (!permissions.canReindex(actor)) {
            return Result.rejected(notAdministrator());
        }
        reindexer.start();
        return Result.ok(reindexer.status());
    }

    /** Where the last or current rebuild stands; administrators only. */
    public Result<ReindexStatus> reindexStatus(Actor actor) {
        if (!permissions.canReindex(actor)) {
            return Result.rejected(notAdministrator());
        }
        return Result.ok(reindexer.status());
    }

    /** A label for a facet value, for people: a process title, an organisation name, a language. */
    public static String kindLabel(String kind) {
        return KIND_LABELS.getOrDefault(kind, kind);
    }

    private Map<String, List<FacetValue>> labelled(Map<String, List<FacetValue>> facets) {
        Map<String, List<FacetValue>> labelled = new LinkedHashMap<>();
        var orgIds = facets.getOrDefault("organization", List.of()).stream().map(FacetValue::value).toList();
        // names not kept yet, in one query
        Map<String, String> orgs = organizationNames.getAll(orgIds, missing -> {
            Map<String, String> names = new java.util.HashMap<>();
            organizations.find(java.util.Set.copyOf(missing)).forEach((id, o) -> names.put(id, o.name()));
            return names;
        });
        // one query for every process title, not one per facet value
        var processIds = facets.getOrDefault("process", List.of()).stream().map(FacetValue::value).toList();
        Map<String, String> kept = processIds.isEmpty() ? Map.of() : processTitles.get("all", k -> allTitles());
        if (!kept.keySet().containsAll(processIds)) {
            // a process created since the titles were kept
            kept = allTitles();
            processTitles.put("all", kept);
        }
        Map<String, String> titles = kept;
        facets.forEach((name, values) -> labelled.put(name, values.stream().map(v -> new FacetValue(v.value(),
                switch (name) {
                    case "kind" -> kindLabel(v.value());
                    case "process" -> titles.getOrDefault(v.value(), v.value());
                    case "organization" -> orgs.getOrDefault(v.value(), v.value());
                    case "group" -> groupLabel(v.value());
                    case "region" -> regionLabel(v.value());
                    case "language" -> languageLabel(v.value());
                    default -> v.value();
                }, v.count())).toList()));
        return labelled;
    }

    private Map<String, String> allTitles() {
        Map<String, String> all = new java.util.HashMap<>();
        processes.all().forEach(p -> all.put(p.id(), p.title()));
        return all;
    }

    public static String languageLabel(String code) {
        if (code == null || code.equals("xx")) {
            return "Other";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    private static String groupLabel(String value) {
        var group = StakeholderGroup.parse(value);
        return group != null ? group.label() : value.equals("INDIVIDUAL") ? "Individual" : value;
    }

    private static String regionLabel(String value) {
        try {
            return RegionalGroup.valueOf(value).label();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Refusal notAdministrator() {
        return Refusal.forbidden("not-administrator", "Only platform administrators can rebuild the search index.");
    }
}
