package org.polylogue.process;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** A new window; a missing bound keeps its value. */
@Schema(example = "{\"closesAt\": \"2027-01-31T17:00:00Z\"}")
public record ChangeWindow(OffsetDateTime opensAt, OffsetDateTime closesAt) {}
