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

    private static final String COLUMNS = "id, email, display_name, administrator, email_verified_at, created_at";

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

    private static AccountView view(ResultSet rs, int n) throws SQLException {
        return new AccountView(rs.getString("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getBoolean("administrator"), rs.getTimestamp("email_verified_at") != null,
                rs.getTimestamp("created_at").toInstant());
    }
}
