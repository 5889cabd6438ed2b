package org.polylogue.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * One PostgreSQL everywhere: an external server when {@code POLYLOGUE_DB_URL} is set, otherwise an
 * embedded PostgreSQL 17 whose data lives under {@code POLYLOGUE_DATA_DIR/postgres} and survives
 * restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(
            @Value("${polylogue.db.url:}") String url,
            @Value("${polylogue.db.user:}") String user,
            @Value("${polylogue.db.password:}") String password,
            @Value("${polylogue.db.pool-size:16}") int poolSize,
            EmbeddedDatabase embedded) {
        var config = new HikariConfig();
        config.setPoolName("polylogue");
        config.setMaximumPoolSize(poolSize);
        if (StringUtils.hasText(url)) {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
        } else {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(
            @Value("${polylogue.db.url:}") String url,
            @Value("${polylogue.data-dir:./data}") String dataDir) {
        if (StringUtils.hasText(url)) {
            return EmbeddedDatabase.none();
        }
        try {
            Path directory = Path.of(dataDir).toAbsolutePath().resolve("postgres");
            Files.createDirectories(directory);
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // Spring stops it (destroyMethod) after everything that uses the database has
                    // stopped; a JVM hook of its own would race with that and leave shutdown hanging.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    // zonky starts the server with -F (no fsync), fine for tests but not for data that
                    // must survive a power cut; -c options come after it on the command line and win.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return EmbeddedDatabase.of(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start under " + dataDir, e);
        }
    }
}
