package org.polylogue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Like {@link PolylogueTest}, but with the rate limits of production switched on (small budgets where
 * a test would otherwise need thousands of requests). Its own application context and database.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "polylogue.data-dir=target/test-data/${random.uuid}",
    "polylogue.demo=false",
    "polylogue.db.pool-size=4",
    "polylogue.public-url=http://localhost:${local.server.port:0}",
    "polylogue.rate-limit.registration-per-address=1000/PT1H",
    "polylogue.rate-limit.sign-in-per-address=1000/PT1M",
    "polylogue.rate-limit.comment-per-account=3/PT10M",
    "polylogue.rate-limit.mail-per-account=2/PT1H",
    "polylogue.rate-limit.statement-per-account=2/PT1H",
    "logging.level.org.springframework.web=WARN"
})
@TestExecutionListeners(listeners = CleanDatabase.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface RateLimitedPolylogueTest {}
