package org.polylogue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A test against the whole application on a random port with the real embedded PostgreSQL: one
 * server and one database per test JVM (the context is shared), emptied before each test class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "polylogue.data-dir=target/test-data/${random.uuid}",
    "polylogue.demo=false",
    // read on first use by the passkey relying party, once the random port is known
    "polylogue.public-url=http://localhost:${local.server.port:0}",
    "polylogue.db.pool-size=8",
    "polylogue.rate-limit.enabled=false",
    "logging.level.org.springframework.web=WARN"
})
@TestExecutionListeners(listeners = CleanDatabase.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface PolylogueTest {}
