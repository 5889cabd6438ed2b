package org.polylogue.stakeholder.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polylogue.stakeholder.Country;
import org.polylogue.stakeholder.EcosocStatus;
import org.polylogue.stakeholder.Member;
import org.polylogue.stakeholder.MemberRole;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.StakeholderGroup;
import org.polylogue.stakeholder.VerificationMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String name, StakeholderGroup group, String country, String createdBy, Instant now) {
        jdbc.sql("""
                insert into stakeholder_organization (id, name, stakeholder_group, country, created_by, created_at)
                values (:id, :name, :group, :country, :by, :now)""")
                .param("id", id).param("name", name).param("group", group.name()).param("country", country)
                .param("by", createdBy).param("now", Timestamp.from(now)).update();
    }

    public void addMember(String organizationId, String accountId, MemberRole role, Instant now) {
        jdbc.sql("""
                insert into stakeholder_membership (organization_id, account_id, role, created_at)
                values (:org, :account, :role, :now)""")
                .param("org", organizationId).param("account", accountId).param("role", role.name())
                .param("now", Timestamp.from(now)).update();
    }

    /** Invites (or re-invites with another role) a person; returns true when the invitation is new. */
    public boolean invite(String organizationId, String accountId, MemberRole role, String invitedBy, Instant now) {
        return jdbc.sql("""
                insert into stakeholder_invitation (organization_id, account_id, role, invited_by, invited_at)
                values (:org, :account, :role, :by, :now)
                on conflict (organization_id, account_id) do update set role = excluded.role
                returning (xmax = 0)""")
                .param("org", organizationId).param("account", accountId).param("role", role.name())
                .param("by", invitedBy).param("now", Timestamp.from(now)).query(Boolean.class).single();
    }

    /** Removes the person's invitation and returns its role; empty when there was none. */
    public Optional<MemberRole> takeInvitation(String organizationId, String accountId) {
        return jdbc.sql("""
                delete from stakeholder_invitation where organization_id = :org and account_id = :account
                returning role""")
                .param("org", organizationId).param("account", accountId)
                .query((rs, n) -> MemberRole.valueOf(rs.getString(1))).optional();
    }

    /** The person's pending invitations, newest first. */
    public List<Map.Entry<String, MemberRole>> invitationsOf(String accountId, Map<String, Instant> invitedAt) {
        return jdbc.sql("""
                select organization_id, role, invited_at from stakeholder_invitation where account_id = :account
                order by invited_at desc""").param("account", accountId)
                .query((rs, n) -> {
                    invitedAt.put(rs.getString(1), rs.getTimestamp(3).toInstant());
                    return Map.entry(rs.getString(1), MemberRole.valueOf(rs.getString(2)));
                }).list();
    }

    public long pendingInvitations(String organizationId) {
        return jdbc.sql("select count(*) from stakeholder_invitation where organization_id = :org")
                .param("org", organizationId).query(Long.class).single();
    }

    public void promote(String organizationId, String accountId) {
        jdbc.sql("""
                update stakeholder_membership set role = 'REPRESENTATIVE'
                where organization_id = :org and account_id = :account""")
                .param("org", organizationId).param("account", accountId).update();
    }

    public void setRole(String organizationId, String accountId, MemberRole role) {
        jdbc.sql("""
                update stakeholder_membership set role = :role
                where organization_id = :org and account_id = :account""")
                .param("org", organizationId).param("account", accountId).param("role", role.name()).update();
    }

    public void removeMember(String organizationId, String accountId) {
        jdbc.sql("delete from stakeholder_membership where organization_id = :org and account_id = :account")
                .param("org", organizationId).param("account", accountId).update();
    }

    public int countRepresentatives(String organizationId) {
        return jdbc.sql("""
                select count(*) from stakeholder_membership where organization_id = :org and role = 'REPRESENTATIVE'""")
                .param("org", organizationId).query(Integer.class).single();
    }

    /** Locks the organisation's row until the transaction ends, so that changes to it run one at a time. */
    public boolean lock(String organizationId) {
        return jdbc.sql("select id from stakeholder_organization where id = :id for update").param("id", organizationId)
                .query(String.class).optional().isPresent();
    }

    /** Whether an organisation of this name exists in any country, whatever the case. */
    public boolean existsByName(String name) {
        return jdbc.sql("select exists(select 1 from stakeholder_organization where lower(name) = lower(:name))")
                .param("name", name).query(Boolean.class).single();
    }

    public boolean existsByName(String name, String country) {
        return jdbc.sql("select exists(select 1 from stakeholder_organization where lower(name) = lower(:name) and country = :country)")
                .param("name", name).param("country", country).query(Boolean.class).single();
    }

    public Optional<OrganizationView> find(String id) {
        return jdbc.sql("select * from stakeholder_organization where id = :id").param("id", id)
                .query(OrganizationRepository::view).optional();
    }

    public Map<String, OrganizationView> findAll(Collection<String> ids) {
        Map<String, OrganizationView> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select * from stakeholder_organization where id = any(:ids)").param("ids", ids.toArray(String[]::new))
                .query(OrganizationRepository::view).list().forEach(o -> found.put(o.id(), o));
        return found;
    }

    /** Organisations whose name contains the query (any case), verified first, then by name. */
    public List<OrganizationView> search(String query, int limit) {
        String pattern = "%" + query.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.sql("""
                select * from stakeholder_organization where lower(name) like :pattern
                order by verified_at is null, name limit :limit""")
                .param("pattern", pattern).param("limit", limit).query(OrganizationRepository::view).list();
    }

    public Optional<MemberRole> role(String organizationId, String accountId) {
        return jdbc.sql("select role from stakeholder_membership where organization_id = :org and account_id = :account")
                .param("org", organizationId).param("account", accountId)
                .query((rs, n) -> MemberRole.valueOf(rs.getString(1))).optional();
    }

    public List<OrganizationView> representedBy(String accountId) {
        return jdbc.sql("""
                select o.* from stakeholder_organization o
                join stakeholder_membership m on m.organization_id = o.id
                where m.account_id = :account and m.role = 'REPRESENTATIVE' order by o.name""")
                .param("account", accountId).query(OrganizationRepository::view).list();
    }

    /** Members with their roles; display names are filled in by the caller from the account module. */
    public List<Member> members(String organizationId) {
        return jdbc.sql("""
                select account_id, role from stakeholder_membership
                where organization_id = :org order by role desc, created_at""")
                .param("org", organizationId)
                .query((rs, n) -> new Member(rs.getString(1), null, MemberRole.valueOf(rs.getString(2))))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from stakeholder_organization").query(Long.class).single();
    }

    private static OrganizationView view(ResultSet rs, int n) throws SQLException {
        var country = new Country(rs.getString("country"));
        return new OrganizationView(rs.getString("id"), rs.getString("name"),
                StakeholderGroup.valueOf(rs.getString("stakeholder_group")), country.code(), country.name(),
                country.regionalGroup(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("verified_at") == null ? null : rs.getTimestamp("verified_at").toInstant(),
                rs.getString("verification_method") == null ? null
                        : VerificationMethod.valueOf(rs.getString("verification_method")),
                rs.getString("verification_note"),
                rs.getString("ecosoc_status") == null ? null : EcosocStatus.valueOf(rs.getString("ecosoc_status")));
    }
}
