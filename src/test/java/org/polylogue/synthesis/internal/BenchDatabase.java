package org.polylogue.synthesis.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * For the synthesis benchmark: an embedded PostgreSQL (fsync on, as the application runs it) with
 * only the synthesis tables, and the module's own {@link DigestRepository} over it, so that an
 * incremental run is measured with what it reads and writes.
 */
public final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final DigestRepository digests;
    private final TransactionTemplate transactions;
    private final PreviousStates states;

    public BenchDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("shared_buffers", "256MB").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DataSource data = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(data).locations("classpath:db/migration/synthesis").load().migrate();
        digests = new DigestRepository(JdbcClient.create(data), new JdbcTemplate(data), JsonMapper.builder().build());
        transactions = new TransactionTemplate(new DataSourceTransactionManager(data));
        states = new PreviousStates(digests);
    }

    /** What the job runner starts an incremental run from (database, or memory after this node's last run). */
    public PreviousStates states() {
        return states;
    }

    public DigestRepository digests() {
        return digests;
    }

    /** Stores a run's outcome in one transaction and keeps the state for the next run, as the job runner does. */
    public void save(SynthesisEngine.Outcome outcome, SynthesisEngine.Previous before) {
        states.forget();
        transactions.executeWithoutResult(status -> digests.saveRun(outcome));
        states.committed(outcome, before);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
