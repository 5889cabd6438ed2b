package org.polylogue.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.TooManyRequestsException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Token buckets per {@link RateLimit} and key, in memory only. A key (an address, an account id, a
 * typed email) is forgotten once its bucket would be full again, so no address outlives the window
 * of its limit. {@code polylogue.rate-limit.enabled=false} turns every limit off (load tests).
 */
@Component
public class RateLimiter {

    private static final int MAX_KEYS_PER_LIMIT = 100_000;

    /** A budget: this many requests per period. */
    public record Budget(int requests, Duration period) {

        static Budget parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 1) {
                throw new IllegalArgumentException("A rate limit reads <requests>/<ISO-8601 period>, e.g. 20/PT1M: " + text);
            }
            var budget = new Budget(Integer.parseInt(text.substring(0, slash).strip()),
                    Duration.parse(text.substring(slash + 1).strip()));
            if (budget.requests() < 1 || budget.period().isNegative() || budget.period().isZero()) {
                throw new IllegalArgumentException("A rate limit needs at least one request per positive period: " + text);
            }
            return budget;
        }
    }

    private final boolean enabled;
    private final Map<RateLimit, Budget> budgets = new EnumMap<>(RateLimit.class);
    private final Map<RateLimit, Cache<String, Bucket>> buckets = new EnumMap<>(RateLimit.class);

    public RateLimiter(Environment environment) {
        this.enabled = environment.getProperty("polylogue.rate-limit.enabled", Boolean.class, true);
        for (RateLimit limit : RateLimit.values()) {
            String configured = environment.getProperty("polylogue.rate-limit." + limit.key());
            var budget = configured == null || configured.isBlank()
                    ? new Budget(limit.defaultRequests(), limit.defaultPeriod())
                    : Budget.parse(configured);
            budgets.put(limit, budget);
            buckets.put(limit, Caffeine.newBuilder().maximumSize(MAX_KEYS_PER_LIMIT)
                    .expireAfterAccess(budget.period()).build());
        }
    }

    /**
     * The key for a client address: IPv4 as is, IPv6 by its /64 prefix (one subscriber usually has a
     * whole /64, so a budget per full address would be no budget at all).
     */
    public static String addressKey(String address) {
        if (address == null) {
            return "";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            var prefix = new StringBuilder("v6 ");
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", bytes[i]));
            }
            return prefix.toString();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    public Budget budget(RateLimit limit) {
        return budgets.get(limit);
    }

    /** Spends one request of the key's budget; empty when allowed, else how long until one is available. */
    public Optional<Duration> tryConsume(RateLimit limit, String key) {
        if (!enabled) {
            return Optional.empty();
        }
        var budget = budgets.get(limit);
        var bucket = buckets.get(limit).get(key == null ? "" : key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(budget.requests())
                        .refillGreedy(budget.requests(), budget.period()).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Spends one request or throws {@link TooManyRequestsException}. */
    public void consume(RateLimit limit, String key) {
        tryConsume(limit, key).ifPresent(wait -> {
            throw new TooManyRequestsException(limit, wait);
        });
    }
}
