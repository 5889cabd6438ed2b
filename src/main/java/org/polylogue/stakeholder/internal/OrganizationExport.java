package org.polylogue.stakeholder.internal;

import java.sql.Timestamp;
import java.util.List;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.polylogue.stakeholder.Country;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Organisations as open data: what their public page shows, never their members or representatives.
 * Every export holds all organisations, so that ids in a process's files can always be resolved.
 */
@Component
class OrganizationExport implements ExportSource {

    private final JdbcClient jdbc;

    OrganizationExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "organizations";
    }

    @Override
    public String description() {
        return "One row per organisation registered on the platform (all of them, also in a process's export).";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public List<ExportColumn> columns() {
        return List.of(ExportColumn.of("id", "Stable id of the organisation: /organizations/{id}."),
                ExportColumn.of("name", "Its name."),
                ExportColumn.of("stakeholder_group", "MEMBER_STATE, INTERGOVERNMENTAL, PRIVATE_SECTOR, CIVIL_SOCIETY, ACADEMIA or TECHNICAL_COMMUNITY."),
                ExportColumn.of("country", "Its country (ISO 3166-1 alpha-2)."),
                ExportColumn.of("regional_group", "The UN regional group of that country (AFRICAN, ASIA_PACIFIC, EASTERN_EUROPEAN, LATIN_AMERICAN_AND_CARIBBEAN, WESTERN_EUROPEAN_AND_OTHERS, or NONE)."),
                ExportColumn.of("verified_at", "When its identity was verified; empty when not verified."),
                ExportColumn.of("verification_method", "DOMAIN (by its mail domain) or ADMINISTRATOR; empty when not verified."),
                ExportColumn.of("verification_note", "The verified domain, or the administrator's public reason."),
                ExportColumn.of("ecosoc_status", "Its ECOSOC consultative status (GENERAL, SPECIAL, ROSTER) where known."),
                ExportColumn.of("created_at", "When it was registered on the platform."));
    }

    @Override
    public void forEachRow(ExportScope scope, ExportSink sink) {
        jdbc.sql("""
                select id, name, stakeholder_group, country, verified_at, verification_method, verification_note,
                       ecosoc_status, created_at
                from stakeholder_organization order by id""")
                .withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> {
                    String country = rs.getString(4);
                    sink.row(rs.getString(1), rs.getString(2), rs.getString(3), country,
                            Country.isValid(country) ? new Country(country).regionalGroup().name() : null,
                            instant(rs.getTimestamp(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            instant(rs.getTimestamp(9)));
                });
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
