package org.polylogue.synthesis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A synthesis job as pages and the API show it.
 *
 * @param kind "full" (started by the secretariat) or "incremental" (after new inputs)
 * @param message what happened, in words; on failure, why and what to do
 * @param inputs how many inputs it read (null until it has read them)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String id, String consultationId, String consultationSlug, String kind, JobState state,
        int progress, String message, Integer inputs, Instant createdAt, Instant startedAt, Instant finishedAt) {}
