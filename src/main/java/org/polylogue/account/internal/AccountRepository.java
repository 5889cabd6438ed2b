package org.polylogue.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.polylogue.account.AccountView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    public record Credentials(String id, String email, String passwordHash, String displayName, boolean administrator) {}

    private static final String COLUMNS = "id, email, display_name, administrator, email_verified_at, created_at, pseudonym";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String email, String passwordHash, String displayName, boolean administrator,
            Instant now) {
        jdbc.sql("""
                insert into account_person (id, email, password_hash, display_name, administrator, created_at)
                values (:id, :email, :hash, :name, :admin, :now)""")
                .param("id", id).param("email", email).param("hash", passwordHash).param("name", displayName)
                .param("admin", administrator).param("now", Timestamp.from(now)).update();
    }

    public void makeAdministrator(String id, String passwordHash, Instant now) {
        jdbc.sql("""
                update account_person set administrator = true, password_hash = :hash,
                       email_verified_at = coalesce(email_verified_at, :now)
                where id = :id""")
                .param("id", id).param("hash", passwordHash).param("now", Timestamp.from(now)).update();
    }

    public void markVerified(String id, Instant now) {
        jdbc.sql("update account_person set email_verified_at = coalesce(email_verified_at, :now) where id = :id")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    public Optional<AccountView> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from account_person where id = :id").param("id", id)
                .query(AccountRepository::view).optional();
    }

    public Optional<AccountView> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from account_person where email = :email").param("email", email)
                .query(AccountRepository::view).optional();
    }

    public Optional<Credentials> findCredentials(String email) {
        return jdbc.sql("select id, email, password_hash, display_name, administrator from account_person where email = :email")
                .param("email", email)
                .query((rs, n) -> new Credentials(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .optional();
    }

    public Optional<Credentials> findCredentialsById(String id) {
        return jdbc.sql("select id, email, password_hash, display_name, administrator from account_person where id = :id")
                .param("id", id)
                .query((rs, n) -> new Credentials(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .optional();
    }

    public void updatePasswordHash(String id, String passwordHash) {
        jdbc.sql("update account_person set password_hash = :hash where id = :id")
                .param("id", id).param("hash", passwordHash).update();
    }

    public Map<String, String> displayNames(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, display_name from account_person where id = any(:ids)")
                .param("ids", ids.toArray(String[]::new))
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** The names everyone sees: the pseudonym where chosen, else the display name. */
    public Map<String, String> publicNames(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, coalesce(pseudonym, display_name) from account_person where id = any(:ids)")
                .param("ids", ids.toArray(String[]::new))
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** The verified identities behind the pseudonyms of the given accounts (accounts without one are absent). */
    public Map<String, org.polylogue.account.VerifiedIdentity> identitiesBehindPseudonyms(Collection<String> ids) {
        Map<String, org.polylogue.account.VerifiedIdentity> identities = new HashMap<>();
        if (ids.isEmpty()) {
            return identities;
        }
        jdbc.sql("""
                select id, pseudonym, display_name, email_verified_at is not null from account_person
                where id = any(:ids) and pseudonym is not null""")
                .param("ids", ids.toArray(String[]::new))
                .query(rs -> {
                    identities.put(rs.getString(1), new org.polylogue.account.VerifiedIdentity(rs.getString(2),
                            rs.getString(3), rs.getBoolean(4)));
                });
        return identities;
    }

    /** Whether some account shows this pseudonym in public, whatever the case. */
    public boolean pseudonymTaken(String name) {
        return jdbc.sql("select exists(select 1 from account_person where lower(pseudonym) = lower(:name))")
                .param("name", name).query(Boolean.class).single();
    }

    /**
     * Whether another account appears in public under this name, whatever the case. Only public
     * names count: a display name hidden behind a pseudonym must not be confirmable by trying it.
     */
    public boolean nameUsedByOther(String name, String accountId) {
        return jdbc.sql("""
                select exists(select 1 from account_person
                where lower(coalesce(pseudonym, display_name)) = lower(:name) and id <> :id)""")
                .param("name", name).param("id", accountId).query(Boolean.class).single();
    }

    public void setPseudonym(String id, String pseudonym) {
        jdbc.sql("update account_person set pseudonym = :pseudonym where id = :id")
                .param("id", id).param("pseudonym", pseudonym).update();
    }

    private static AccountView view(ResultSet rs, int n) throws SQLException {
        return new AccountView(rs.getString("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getBoolean("administrator"), rs.getTimestamp("email_verified_at") != null,
                rs.getTimestamp("created_at").toInstant(), rs.getString("pseudonym"));
    }
}
