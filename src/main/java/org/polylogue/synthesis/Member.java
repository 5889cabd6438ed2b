package org.polylogue.synthesis;

import java.time.Instant;

/** One input as a theme or campaign lists it, with a link target ({@code kind}, {@code id}). */
public record Member(String kind, String id, String themeId, String campaignId, String snippet,
        String organizationName, Instant at) {}
