package org.polylogue.meeting;

import io.swagger.v3.oas.annotations.media.Schema;

/** A request for the floor: for an organisation one represents, or for oneself ({@code organizationId} absent). */
@Schema(example = "{\"organizationId\": \"7q3y5ttek53ve7v9\"}")
public record RequestFloor(String organizationId) {}
