package org.polylogue.account.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.polylogue.account.TotpSetup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The TOTP secrets (encrypted by {@link SecretBox}) and recovery codes (keyed HMAC, single use) of
 * accounts. A code is accepted once: the time step it belongs to must be later than the last one
 * used, and that step is recorded by an update that only one of two simultaneous requests wins.
 */
@Component
public class SecondFactors {

    /** What a code typed by a person turned out to be. */
    public enum Check {
        CODE_ACCEPTED, RECOVERY_CODE_ACCEPTED, REPLAYED, WRONG
    }

    static final String ISSUER = "Polylogue";
    private static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;

    SecondFactors(JdbcClient jdbc, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
    }

    public boolean enabled(String accountId) {
        return jdbc.sql("select count(*) from account_totp where account_id = :id and enabled_at is not null")
                .param("id", accountId).query(Long.class).single() > 0;
    }

    /** A new secret awaiting confirmation, replacing an earlier unconfirmed one; empty when already enabled. */
    public Optional<TotpSetup> startSetup(String accountId, String email) {
        if (enabled(accountId)) {
            return Optional.empty();
        }
        byte[] secret = TotpCodes.newSecret();
        jdbc.sql("""
                insert into account_totp (account_id, secret_encrypted, created_at) values (:id, :secret, :now)
                on conflict (account_id) do update set secret_encrypted = excluded.secret_encrypted,
                    created_at = excluded.created_at, last_used_step = null
                where account_totp.enabled_at is null""")
                .param("id", accountId).param("secret", box.seal(secret, accountId))
                .param("now", Timestamp.from(Instant.now(clock))).update();
        return Optional.of(setup(secret, email));
    }

    /** The setup awaiting confirmation, if any. */
    public Optional<TotpSetup> pendingSetup(String accountId, String email) {
        return secret(accountId, false).map(secret -> setup(secret, email));
    }

    /** Confirms the pending setup with a current code; returns the new recovery codes, or empty. */
    public Optional<List<String>> confirmSetup(String accountId, String code) {
        var secret = secret(accountId, false);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = TotpCodes.matchingStep(secret.get(), digits(code), Instant.now(clock));
        if (step.isEmpty()) {
            return Optional.empty();
        }
        int updated = jdbc.sql("""
                update account_totp set enabled_at = :now, last_used_step = :step
                where account_id = :id and enabled_at is null""")
                .param("id", accountId).param("now", Timestamp.from(Instant.now(clock)))
                .param("step", step.getAsLong()).update();
        return updated == 1 ? Optional.of(newRecoveryCodes(accountId)) : Optional.empty();
    }

    /** Checks a code from the app (six digits) or else a recovery code, using it up when it fits. */
    public Check check(String accountId, String input) {
        if (input == null || input.isBlank() || input.length() > 40) {
            return Check.WRONG;
        }
        String digits = digits(input);
        if (digits.matches("\\d{6}")) {
            return checkCode(accountId, digits);
        }
        return useRecoveryCode(accountId, input) ? Check.RECOVERY_CODE_ACCEPTED : Check.WRONG;
    }

    /** Checks a code from the app only (no recovery code). */
    public Check checkCode(String accountId, String code) {
        var secret = secret(accountId, true);
        if (secret.isEmpty()) {
            return Check.WRONG;
        }
        OptionalLong step = TotpCodes.matchingStep(secret.get(), digits(code), Instant.now(clock));
        if (step.isEmpty()) {
            return Check.WRONG;
        }
        int updated = jdbc.sql("""
                update account_totp set last_used_step = :step
                where account_id = :id and enabled_at is not null and (last_used_step is null or last_used_step < :step)""")
                .param("id", accountId).param("step", step.getAsLong()).update();
        return updated == 1 ? Check.CODE_ACCEPTED : Check.REPLAYED;
    }

    private boolean useRecoveryCode(String accountId, String code) {
        String normalized = code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (normalized.length() != 10) {
            return false;
        }
        return jdbc.sql("""
                update account_recovery_code set used_at = :now
                where account_id = :id and code_hash = :hash and used_at is null""")
                .param("id", accountId).param("hash", box.fingerprint(normalized, accountId))
                .param("now", Timestamp.from(Instant.now(clock))).update() == 1;
    }

    /** Replaces all recovery codes of the account by ten new ones, returned once in clear. */
    public List<String> newRecoveryCodes(String accountId) {
        jdbc.sql("delete from account_recovery_code where account_id = :id").param("id", accountId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            jdbc.sql("insert into account_recovery_code (account_id, code_hash) values (:id, :hash)")
                    .param("id", accountId).param("hash", box.fingerprint(code.toString(), accountId)).update();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    public int recoveryCodesLeft(String accountId) {
        return jdbc.sql("select count(*) from account_recovery_code where account_id = :id and used_at is null")
                .param("id", accountId).query(Long.class).single().intValue();
    }

    /** Removes the second factor and its recovery codes. */
    public void remove(String accountId) {
        jdbc.sql("delete from account_recovery_code where account_id = :id").param("id", accountId).update();
        jdbc.sql("delete from account_totp where account_id = :id").param("id", accountId).update();
    }

    private Optional<byte[]> secret(String accountId, boolean enabled) {
        return jdbc.sql("select secret_encrypted from account_totp where account_id = :id and (enabled_at is not null) = :enabled")
                .param("id", accountId).param("enabled", enabled).query(byte[].class).optional()
                .map(sealed -> box.open(sealed, accountId));
    }

    private TotpSetup setup(byte[] secret, String email) {
        String uri = TotpCodes.otpauthUri(ISSUER, email, secret);
        return new TotpSetup(TotpCodes.grouped(TotpCodes.base32(secret)), uri, TotpCodes.qrDataUri(uri));
    }

    private static String digits(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "");
    }
}
