package org.polylogue.process;

import java.util.Set;

/**
 * Process slugs that cannot be used because a fixed address takes their place: {@code all} is the
 * whole platform's export ({@code /api/v1/exports/all.zip}, {@code /api/v1/exports/all/regeneration}),
 * {@code new} is the form at {@code /processes/new}. A process with such a slug could never be reached
 * at those addresses. {@code ReservedProcessSlugsWebTest} checks this list against the routes.
 */
public final class ReservedProcessSlugs {

    /** The reserved slugs, lower-case. */
    public static final Set<String> SLUGS = Set.of("all", "new");

    private ReservedProcessSlugs() {}

    public static boolean isReserved(String slug) {
        return slug != null && SLUGS.contains(slug);
    }

    /** The message shown next to the slug field. */
    public static String message(String slug) {
        return "\"" + slug + "\" is reserved because the platform already uses it in its addresses; choose another";
    }
}
