package org.polylogue.stakeholder.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.polylogue.stakeholder.EcosocStatus;
import org.polylogue.stakeholder.VerificationMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Domain claims, confirmed domains, and the verification and ECOSOC columns of organisations. */
@Repository
public class VerificationRepository {

    /** A stored claim, found by its token's hash. */
    public record Claim(String organizationId, String domain, String claimedBy, Instant expiresAt, Instant usedAt) {}

    private final JdbcClient jdbc;

    VerificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertClaim(String token, String organizationId, String domain, String claimedBy, Instant now,
            Instant expiresAt) {
        jdbc.sql("""
                insert into stakeholder_domain_claim (token_hash, organization_id, domain, claimed_by, created_at, expires_at)
                values (:hash, :org, :domain, :by, :now, :expires)""")
                .param("hash", hash(token)).param("org", organizationId).param("domain", domain).param("by", claimedBy)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt)).update();
    }

    /** The claim of this token, locked until the transaction ends so that it is used once. */
    public Optional<Claim> claimForUpdate(String token) {
        return claim(token, " for update");
    }

    /** The claim of this token, unlocked, to show it. */
    public Optional<Claim> claim(String token) {
        return claim(token, "");
    }

    private Optional<Claim> claim(String token, String lock) {
        return jdbc.sql("""
                select organization_id, domain, claimed_by, expires_at, used_at from stakeholder_domain_claim
                where token_hash = :hash""" + lock)
                .param("hash", hash(token))
                .query((rs, n) -> new Claim(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    public void markUsed(String token, Instant now) {
        jdbc.sql("update stakeholder_domain_claim set used_at = :now where token_hash = :hash")
                .param("hash", hash(token)).param("now", Timestamp.from(now)).update();
    }

    /** The organisation that confirmed this domain, if any. */
    public Optional<String> domainOwner(String domain) {
        return jdbc.sql("select organization_id from stakeholder_organization_domain where domain = :domain")
                .param("domain", domain).query(String.class).optional();
    }

    public void insertDomain(String domain, String organizationId, Instant now) {
        jdbc.sql("""
                insert into stakeholder_organization_domain (domain, organization_id, verified_at)
                values (:domain, :org, :now) on conflict (domain) do nothing""")
                .param("domain", domain).param("org", organizationId).param("now", Timestamp.from(now)).update();
    }

    public void releaseDomains(String organizationId) {
        jdbc.sql("delete from stakeholder_organization_domain where organization_id = :org")
                .param("org", organizationId).update();
    }

    public void markVerified(String organizationId, VerificationMethod method, String note, Instant now) {
        jdbc.sql("""
                update stakeholder_organization
                set verified_at = :now, verification_method = :method, verification_note = :note where id = :id""")
                .param("id", organizationId).param("method", method.name()).param("note", note)
                .param("now", Timestamp.from(now)).update();
    }

    public void clearVerification(String organizationId) {
        jdbc.sql("""
                update stakeholder_organization
                set verified_at = null, verification_method = null, verification_note = null where id = :id""")
                .param("id", organizationId).update();
    }

    public void setEcosocStatus(String organizationId, EcosocStatus status) {
        jdbc.sql("update stakeholder_organization set ecosoc_status = :status where id = :id")
                .param("id", organizationId).param("status", status == null ? null : status.name()).update();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
