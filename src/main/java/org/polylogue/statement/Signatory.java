package org.polylogue.statement;

import java.time.Instant;
import org.polylogue.stakeholder.RegionalGroup;
import org.polylogue.stakeholder.StakeholderGroup;

/**
 * One signature of an organisation: current while {@code withdrawnAt} is null. Also the row of the
 * CSV and JSON exports (stable columns).
 */
public record Signatory(String organizationId, String name, boolean verified, StakeholderGroup stakeholderGroup,
        String country, String countryName, RegionalGroup regionalGroup, Instant signedAt, Instant withdrawnAt,
        boolean lead) {

    public boolean current() {
        return withdrawnAt == null;
    }
}
