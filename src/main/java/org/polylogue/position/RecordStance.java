package org.polylogue.position;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A request to record a stance.
 *
 * @param actor who takes the stance: an organisation ({@code organizationId}) or the signed-in person
 *     ({@code self} true)
 * @param item what it is about; {@code consultation} (slug or id) is required for paragraphs and
 *     amendments, {@code id} is a consultation's slug or id, a paragraph's stable id, an amendment's
 *     id or a named proposal's id
 * @param position a {@link Position} constant name
 * @param summary at most {@value #MAX_SUMMARY} characters
 * @param date ISO date (yyyy-MM-dd) the stance was taken; null for today
 * @param evidence at least one
 */
@Schema(example = "{\"actor\": {\"organizationId\": \"7q3y5ttek53ve7v9\"}, \"item\": {\"kind\": \"paragraph\", \"id\": \"czqc79m4za4wpv63\", \"consultation\": \"apr-zero-draft\"}, \"position\": \"WANTS_AMENDMENT\", \"summary\": \"Supports the norm but wants critical infrastructure defined.\", \"date\": \"2026-11-20\", \"evidence\": [{\"kind\": \"link\", \"url\": \"https://example.org/statement-2026-11-20.pdf\"}]}")
public record RecordStance(Actor actor, Item item, String position, String summary, String date,
        List<Evidence> evidence) {

    public static final int MAX_SUMMARY = 500;
    public static final int MAX_EVIDENCE = 10;

    public record Actor(String organizationId, Boolean self) {}

    public record Item(String kind, String id, String consultation) {}

    /** {@code id} for platform items; {@code url} (https) for links; {@code path} for transcript turns. */
    public record Evidence(String kind, String id, String url, String path) {}
}
