package org.polylogue.stakeholder;

import java.time.Instant;
import java.util.List;

/**
 * Implemented by modules that hold what an organisation contributed (comments, statements, ...);
 * the organisation page lists the newest items of every implementation.
 */
public interface OrganizationActivity {

    /** One item: a heading, a safe HTML excerpt, a link and when. */
    record Item(String heading, String html, String link, Instant at) {}

    List<Item> recent(String organizationId, int limit);
}
