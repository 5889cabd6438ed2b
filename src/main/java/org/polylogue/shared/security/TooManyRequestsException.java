package org.polylogue.shared.security;

import java.time.Duration;

/** A rate limit refused the request; pages and the API answer 429 with Retry-After. */
public class TooManyRequestsException extends RuntimeException {

    private final transient RateLimit limit;
    private final long retryAfterSeconds;

    public TooManyRequestsException(RateLimit limit, Duration retryAfter) {
        super("Rate limit " + limit.key() + " exhausted");
        this.limit = limit;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }

    public RateLimit limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** "2 minutes", "45 seconds": for messages. */
    public String retryAfterText() {
        return retryAfterSeconds >= 120 ? ((retryAfterSeconds + 59) / 60) + " minutes" : retryAfterSeconds + " seconds";
    }
}
