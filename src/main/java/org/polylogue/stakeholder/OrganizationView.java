package org.polylogue.stakeholder;

import java.time.Instant;

/**
 * An organisation as pages and the API show it.
 *
 * @param verifiedAt when its identity was verified; null while unverified
 * @param verificationMethod how it was verified; null while unverified
 * @param verificationNote the verified domain or the administrator's reason; null while unverified
 * @param ecosocStatus its ECOSOC consultative status, where known (else null)
 */
public record OrganizationView(String id, String name, StakeholderGroup type, String country, String countryName,
        RegionalGroup regionalGroup, Instant createdAt, Instant verifiedAt, VerificationMethod verificationMethod,
        String verificationNote, EcosocStatus ecosocStatus) {

    @com.fasterxml.jackson.annotation.JsonProperty("verified")
    public boolean verified() {
        return verifiedAt != null;
    }
}
