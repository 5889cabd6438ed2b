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

    /**
     * Reads a query from request parameters (strings as sent; blank means not given). Refused (400)
     * for a day that is not {@code YYYY-MM-DD}, a year that is not a number, or a page or size that
     * is not a number; ranges are checked by {@link Search#search}.
     */
    public static org.polylogue.shared.Result<SearchQuery> parse(String text, String kind, String process,
            String group, String region, String organization, String language, String from, String to, String year,
            String sort, String page, String size, int defaultSize) {
        var errors = new java.util.ArrayList<org.polylogue.shared.Refusal.FieldMessage>();
        LocalDate fromDay = day("from", from, errors);
        LocalDate toDay = day("to", to, errors);
        Integer yearNumber = number("year", year, errors);
        if (yearNumber != null && (yearNumber < 1900 || yearNumber > 9999)) {
            errors.add(new org.polylogue.shared.Refusal.FieldMessage("year", "must be a year such as 2026"));
        } else if (yearNumber != null) {
            fromDay = LocalDate.of(yearNumber, 1, 1);
            toDay = LocalDate.of(yearNumber, 12, 31);
        }
        Integer pageNumber = number("page", page, errors);
        Integer sizeNumber = number("size", size, errors);
        if (!errors.isEmpty()) {
            return org.polylogue.shared.Result.rejected(org.polylogue.shared.Refusal.invalid(errors));
        }
        return org.polylogue.shared.Result.ok(new SearchQuery(text == null ? "" : text, blank(kind), blank(process),
                blank(group), blank(region), blank(organization), blank(language), fromDay, toDay, blank(sort),
                pageNumber == null ? 0 : pageNumber, sizeNumber == null ? defaultSize : sizeNumber));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate day(String field, String value, java.util.List<org.polylogue.shared.Refusal.FieldMessage> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new org.polylogue.shared.Refusal.FieldMessage(field, "must be a day as YYYY-MM-DD, such as 2026-11-30"));
            return null;
        }
    }

    private static Integer number(String field, String value,
            java.util.List<org.polylogue.shared.Refusal.FieldMessage> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new org.polylogue.shared.Refusal.FieldMessage(field, "must be a whole number"));
            return null;
        }
    }

    public boolean byDate() {
        return "date".equals(sort);
    }
}
