package org.polylogue;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/** Empties every table but Flyway's history before each test class, so classes never see each other's data. */
public class CleanDatabase extends AbstractTestExecutionListener {

    @Override
    public void beforeTestClass(TestContext context) {
        var jdbc = context.getApplicationContext().getBean(JdbcTemplate.class);
        List<String> tables = jdbc.queryForList("""
                select quote_ident(tablename) from pg_tables
                where schemaname = 'public' and tablename <> 'flyway_schema_history'""", String.class);
        if (!tables.isEmpty()) {
            jdbc.execute("truncate " + String.join(", ", tables) + " cascade");
        }
    }

    @Override
    public int getOrder() {
        return 5000;
    }
}
