package org.polylogue.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PolylogueTest
class EmbeddedDatabaseIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommittedTransactionIsOnDiskBeforeTheCommitReturns() {
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    }
}
