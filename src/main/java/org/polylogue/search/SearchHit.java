package org.polylogue.search;

import java.time.Instant;

/**
 * One result.
 *
 * @param snippet the matching passage as HTML: everything escaped, only {@code <mark>} around the
 *     words that matched
 * @param url the site-relative link to the exact paragraph, comment, statement or turn
 * @param language the ISO 639-1 code the text was analysed in, or null when not one of the six
 */
public record SearchHit(String kind, String id, String title, String snippet, String url, String language,
        Instant publishedAt) {}
