package org.polylogue.accreditation;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Marks organisations verified or gives them an ECOSOC status straight in the database, until the
 * stakeholder module offers verification through its API.
 */
public final class TrustFixtures {

    private final JdbcTemplate jdbc;

    public TrustFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void verifyByDomain(String organizationId, String domain) {
        jdbc.update("""
                update stakeholder_organization set verified_at = now(), verification_method = 'DOMAIN',
                    verification_note = ? where id = ?""", domain, organizationId);
    }

    public void verify(String organizationId) {
        jdbc.update("""
                update stakeholder_organization set verified_at = now(), verification_method = 'ADMINISTRATOR',
                    verification_note = 'test' where id = ?""", organizationId);
    }

    public void ecosoc(String organizationId, String status) {
        jdbc.update("update stakeholder_organization set ecosoc_status = ? where id = ?", status, organizationId);
    }

    /** How many steps the log holds in all, to show that a refused request changed nothing. */
    public long steps() {
        return jdbc.queryForObject("select count(*) from accreditation_entry", Long.class);
    }
}
