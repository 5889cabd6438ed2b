package org.polylogue.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polylogue.search.SearchQuery;

/** Links of the search page: the current query with one filter added, removed or the page changed. */
public final class SearchLinks {

    private final Map<String, String> parameters = new LinkedHashMap<>();

    public SearchLinks(SearchQuery query, String year, boolean exact) {
        put("q", query.text());
        put("kind", query.kind());
        put("process", query.processId());
        put("group", query.group());
        put("region", query.region());
        put("organization", query.organizationId());
        put("language", query.language());
        if (year != null && !year.isBlank()) {
            put("year", year);
        } else {
            put("from", query.from());
            put("to", query.to());
        }
        put("sort", query.sort());
        if (exact) {
            put("exact", "true");
        }
    }

    /** This search, every result counted. */
    public String exact() {
        var changed = new LinkedHashMap<>(parameters);
        changed.put("exact", "true");
        return href(changed);
    }

    /** The value of a filter now, or null. */
    public String value(String name) {
        return parameters.get(name);
    }

    /** This search with {@code name} set to {@code value}, from the first page. */
    public String with(String name, String value) {
        var changed = new LinkedHashMap<>(parameters);
        if (name.equals("year")) {
            changed.remove("from");
            changed.remove("to");
        }
        changed.put(name, value);
        return href(changed);
    }

    /** This search without the filter {@code name}, from the first page. */
    public String without(String name) {
        var changed = new LinkedHashMap<>(parameters);
        changed.remove(name);
        return href(changed);
    }

    /** This search at another page. */
    public String page(int page) {
        var changed = new LinkedHashMap<>(parameters);
        if (page > 0) {
            changed.put("page", Integer.toString(page));
        }
        return href(changed);
    }

    private void put(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parameters.put(name, value instanceof LocalDate day ? day.toString() : value.toString());
        }
    }

    private static String href(Map<String, String> parameters) {
        var href = new StringBuilder("/search");
        char separator = '?';
        for (var entry : parameters.entrySet()) {
            href.append(separator).append(entry.getKey()).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return href.toString();
    }
}
