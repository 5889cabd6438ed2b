package org.polylogue.account;

import java.sql.Timestamp;
import java.util.List;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;

/**
 * A person's passkeys: list and remove. Adding one is the WebAuthn ceremony Spring Security serves
 * at {@code /webauthn/register/options} and {@code /webauthn/register}; signing in with one is
 * {@code /webauthn/authenticate/options} and {@code /login/webauthn}.
 */
@Service
public class Passkeys {

    private final JdbcClient jdbc;
    private final UserCredentialRepository credentials;

    Passkeys(JdbcClient jdbc, UserCredentialRepository credentials) {
        this.jdbc = jdbc;
        this.credentials = credentials;
    }

    /** The person's passkeys, the most recently added first. */
    public List<PasskeyView> list(Actor actor) {
        return jdbc.sql("""
                select c.credential_id, c.label, c.created, c.last_used
                from user_credentials c
                join user_entities u on u.id = c.user_entity_user_id
                join account_person p on p.email = u.name
                where p.id = :account
                order by c.created desc, c.credential_id""")
                .param("account", actor.accountId())
                .query((rs, n) -> new PasskeyView(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4))))
                .list();
    }

    /** Removes the person's passkey; "not found" for anyone else's or an unknown id. */
    public Result<PasskeyView> remove(Actor actor, String credentialId) {
        var passkey = list(actor).stream().filter(p -> p.id().equals(credentialId)).findFirst();
        if (passkey.isEmpty()) {
            return Result.rejected(Refusal.notFound("passkey-not-found", "There is no such passkey."));
        }
        credentials.delete(Bytes.fromBase64(credentialId));
        return Result.ok(passkey.get());
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
