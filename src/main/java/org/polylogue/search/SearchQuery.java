package org.polylogue.search;

import java.time.LocalDate;

/**
 * What someone searches for. Every filter is optional (null or blank: not filtered).
 *
 * @param text the query as typed: words, {@code "phrases"}, {@code -excluded}, {@code a | b},
 *     {@code prefix*}; blank lists everything, newest first
 * @param kind a source's kind ({@code comment}, {@code statement}...)
 * @param processId a process id
 * @param group a {@code StakeholderGroup} name
 * @param region a {@code RegionalGroup} name
 * @param organizationId an organisation id
 * @param language an ISO 639-1 code
 * @param from published on or after this day (UTC)
 * @param to published on or before this day (UTC)
 * @param sort {@code relevance} (the default) or {@code date} (newest first)
 * @param page from 0
 * @param size results per page, 1 to {@link #MAX_SIZE}
 */
public record SearchQuery(String text, String kind, String processId, String group, String region,
        String organizationId, String language, LocalDate from, LocalDate to, String sort, int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT = 1_000;

    /** A query for words only, first page of 20, by relevance. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null, null, 0, 20);
    }

    public boolean byDate() {
        return "date".equals(sort);
    }
}
