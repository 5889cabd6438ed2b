package org.polylogue.stakeholder;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.polylogue.account.Accounts;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.SecurityEvent;
import org.polylogue.stakeholder.internal.OrganizationRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stakeholder module's front door: organisations and their representatives and members. */
@Service
public class Organizations {

    private final OrganizationRepository repository;
    private final Accounts accounts;
    private final OrganizationPermissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final org.polylogue.notification.Mailer mailer;
    private final String publicUrl;

    Organizations(OrganizationRepository repository, Accounts accounts, OrganizationPermissions permissions,
            ApplicationEventPublisher events, Clock clock, org.polylogue.notification.Mailer mailer,
            @org.springframework.beans.factory.annotation.Value("${polylogue.public-url}") String publicUrl) {
        this.mailer = mailer;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.repository = repository;
        this.accounts = accounts;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /** Creates an organisation; the actor becomes its representative. */
    @Transactional
    public Result<OrganizationView> create(CreateOrganization request, Actor actor) {
        var group = StakeholderGroup.parse(request.type());
        if (group == null) {
            return Result.rejected(Refusal.invalid("type", "must be one of MEMBER_STATE, INTERGOVERNMENTAL, "
                    + "PRIVATE_SECTOR, CIVIL_SOCIETY, ACADEMIA, TECHNICAL_COMMUNITY"));
        }
        String country = request.country().strip().toUpperCase(Locale.ROOT);
        if (!Country.isValid(country)) {
            return Result.rejected(Refusal.invalid("country", "is not an ISO 3166-1 alpha-2 country code"));
        }
        String name = request.name().strip().replaceAll("\\s+", " ");
        if (repository.existsByName(name, country)) {
            return Result.rejected(Refusal.conflict("duplicate-organization",
                    "An organisation with this name already exists in this country.", "name"));
        }
        String id = Ids.next();
        Instant now = Instant.now(clock);
        repository.insert(id, name, group, country, actor.accountId(), now);
        repository.addMember(id, actor.accountId(), MemberRole.REPRESENTATIVE, now);
        events.publishEvent(new OrganizationCreated(id, actor.accountId()));
        roleEvent(SecurityEvent.Kind.ROLE_GRANTED, actor, id, MemberRole.REPRESENTATIVE, actor.accountId());
        return Result.ok(repository.find(id).orElseThrow());
    }

    /**
     * Invites a registered person to join as member or representative (or makes a member a
     * representative); only a representative may. The invitee appears once they accept. The answer
     * is the same whether or not an account has this address: nobody learns who is registered, or
     * under which pseudonym, by inviting them.
     */
    @Transactional
    public Result<OrganizationView> addMember(String organizationId, String email, MemberRole role, Actor actor) {
        var organization = repository.find(organizationId);
        if (organization.isEmpty()) {
            return Result.rejected(Refusal.notFound("organization-not-found", "There is no such organisation."));
        }
        if (!permissions.canManageMembers(actor, organizationId)) {
            return Result.rejected(Refusal.forbidden("not-representative",
                    "Only a representative of this organisation can add members."));
        }
        if (email == null || email.isBlank() || !email.contains("@")) {
            return Result.rejected(Refusal.invalid("email", "is not an email address"));
        }
        var person = accounts.findByEmail(email);
        if (person.isEmpty()) {
            return Result.ok(organization.get());
        }
        var current = repository.role(organizationId, person.get().id());
        if (current.isPresent() && !(current.get() == MemberRole.MEMBER && role == MemberRole.REPRESENTATIVE)) {
            // a member may be made representative; nobody is demoted or re-added by this command
            return Result.rejected(Refusal.conflict("already-member", current.get() == MemberRole.REPRESENTATIVE
                    ? "This person already represents the organisation."
                    : "This person is already a member of the organisation.", "email"));
        }
        if (current.isPresent()) {
            repository.promote(organizationId, person.get().id());
            roleEvent(SecurityEvent.Kind.ROLE_GRANTED, actor, organizationId, role, person.get().id());
            return Result.ok(organization.get());
        }
        if (repository.invite(organizationId, person.get().id(), role, actor.accountId(), Instant.now(clock))) {
            var mail = new org.polylogue.notification.Mail(person.get().email(),
                    "You are invited to join " + organization.get().name() + " on Polylogue", """
                    Hello,

                    a representative of %s invited you to join it on Polylogue as %s.
                    You appear as one of its people only if you accept:

                    %s/organizations/invitations

                    If you do not know this organisation, decline or ignore this mail; nothing is shown.
                    """.formatted(organization.get().name(), role == MemberRole.REPRESENTATIVE ? "a representative"
                            : "a member", publicUrl));
            events.publishEvent(new InvitationMailReady(mail));
        }
        return Result.ok(organization.get());
    }

    /** The mail, sent once the invitation is committed. */
    record InvitationMailReady(org.polylogue.notification.Mail mail) {}

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void sendInvitation(InvitationMailReady ready) {
        mailer.send(ready.mail());
    }

    /** The invitations waiting for the actor's answer. */
    public List<Invitation> invitations(Actor actor) {
        Map<String, Instant> invitedAt = new java.util.HashMap<>();
        var pending = repository.invitationsOf(actor.accountId(), invitedAt);
        var found = repository.findAll(pending.stream().map(Map.Entry::getKey).toList());
        return pending.stream().filter(e -> found.containsKey(e.getKey()))
                .map(e -> new Invitation(found.get(e.getKey()), e.getValue(), invitedAt.get(e.getKey()))).toList();
    }

    /** How many invitations of the organisation wait for an answer (for its representatives). */
    public long pendingInvitations(String organizationId) {
        return repository.pendingInvitations(organizationId);
    }

    /** The actor accepts the organisation's invitation and joins it with the invited role. */
    @Transactional
    public Result<OrganizationView> acceptInvitation(String organizationId, Actor actor) {
        var role = repository.takeInvitation(organizationId, actor.accountId());
        if (role.isEmpty()) {
            return Result.rejected(Refusal.notFound("invitation-not-found", "You have no invitation from this organisation."));
        }
        if (repository.role(organizationId, actor.accountId()).isEmpty()) {
            repository.addMember(organizationId, actor.accountId(), role.get(), Instant.now(clock));
            roleEvent(SecurityEvent.Kind.ROLE_GRANTED, actor, organizationId, role.get(), actor.accountId());
        }
        return Result.ok(repository.find(organizationId).orElseThrow());
    }

    /** The actor declines the organisation's invitation; nothing about it is kept. */
    @Transactional
    public Result<Void> declineInvitation(String organizationId, Actor actor) {
        return repository.takeInvitation(organizationId, actor.accountId()).isPresent() ? Result.ok(null)
                : Result.rejected(Refusal.notFound("invitation-not-found", "You have no invitation from this organisation."));
    }

    /**
     * Makes a member a representative or a representative a member; a representative (or an
     * administrator) may. Refused: unknown organisation or member (404), not a representative (403
     * {@code not-representative}), demoting the last representative (409 {@code last-representative}).
     * Giving the role someone already has changes nothing.
     */
    @Transactional
    public Result<Member> changeRole(String organizationId, String accountId, MemberRole role, Actor actor) {
        var refusal = memberRefusal(organizationId, accountId);
        if (refusal != null) {
            return Result.rejected(refusal);
        }
        if (!permissions.canManageMembers(actor, organizationId)) {
            return Result.rejected(Refusal.forbidden("not-representative",
                    "Only a representative of this organisation can change roles."));
        }
        repository.lock(organizationId);
        MemberRole current = repository.role(organizationId, accountId).orElseThrow();
        if (current == role) {
            return Result.ok(member(organizationId, accountId, role));
        }
        if (current == MemberRole.REPRESENTATIVE && repository.countRepresentatives(organizationId) <= 1) {
            return Result.rejected(lastRepresentative());
        }
        repository.setRole(organizationId, accountId, role);
        if (role == MemberRole.REPRESENTATIVE) {
            roleEvent(SecurityEvent.Kind.ROLE_GRANTED, actor, organizationId, role, accountId);
        } else {
            roleEvent(SecurityEvent.Kind.ROLE_REVOKED, actor, organizationId, MemberRole.REPRESENTATIVE, accountId);
        }
        return Result.ok(member(organizationId, accountId, role));
    }

    /**
     * Removes a person from the organisation: a representative (or an administrator) removes anyone,
     * a person removes themselves (leaves). Refused: unknown organisation or member (404), anyone else
     * (403 {@code not-representative}), removing the last representative (409 {@code last-representative}).
     */
    @Transactional
    public Result<Void> removeMember(String organizationId, String accountId, Actor actor) {
        var refusal = memberRefusal(organizationId, accountId);
        if (refusal != null) {
            return Result.rejected(refusal);
        }
        boolean leaving = actor != null && actor.accountId().equals(accountId);
        if (!leaving && !permissions.canManageMembers(actor, organizationId)) {
            return Result.rejected(Refusal.forbidden("not-representative",
                    "Only a representative of this organisation can remove its members."));
        }
        repository.lock(organizationId);
        MemberRole current = repository.role(organizationId, accountId).orElseThrow();
        if (current == MemberRole.REPRESENTATIVE && repository.countRepresentatives(organizationId) <= 1) {
            return Result.rejected(lastRepresentative());
        }
        repository.removeMember(organizationId, accountId);
        roleEvent(SecurityEvent.Kind.ROLE_REVOKED, actor, organizationId, current, accountId);
        return Result.ok(null);
    }

    private Refusal memberRefusal(String organizationId, String accountId) {
        if (repository.find(organizationId).isEmpty()) {
            return Refusal.notFound("organization-not-found", "There is no such organisation.");
        }
        if (accountId == null || repository.role(organizationId, accountId).isEmpty()) {
            return Refusal.notFound("member-not-found", "This person is not a member of the organisation.");
        }
        return null;
    }

    private static Refusal lastRepresentative() {
        return Refusal.conflict("last-representative",
                "This is the organisation's only representative; make someone else representative first.");
    }

    private Member member(String organizationId, String accountId, MemberRole role) {
        return new Member(accountId, accounts.publicNames(List.of(accountId)).getOrDefault(accountId, "(unknown)"), role);
    }

    private void roleEvent(SecurityEvent.Kind kind, Actor actor, String organizationId, MemberRole role,
            String accountId) {
        events.publishEvent(new SecurityEvent(kind, actor == null ? null : actor.accountId(),
                "organization:" + organizationId, role.name() + " account:" + accountId));
    }

    public Optional<OrganizationView> find(String id) {
        return repository.find(id);
    }

    /** The organisations with the given ids; unknown ids are absent. */
    public Map<String, OrganizationView> find(Collection<String> ids) {
        return repository.findAll(ids);
    }

    /**
     * Organisations whose name contains {@code query} (case-insensitive), verified ones first, at most
     * {@code limit}; empty for a blank query.
     */
    public List<OrganizationView> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return repository.search(query.strip(), Math.clamp(limit, 1, 100));
    }

    public boolean represents(String accountId, String organizationId) {
        return repository.role(organizationId, accountId).filter(r -> r == MemberRole.REPRESENTATIVE).isPresent();
    }

    /** The organisations a person represents, by name. */
    public List<OrganizationView> representedBy(String accountId) {
        return repository.representedBy(accountId);
    }

    /** Members of an organisation with their roles and public names (pseudonyms where chosen), for its page. */
    public List<Member> members(String organizationId) {
        var members = repository.members(organizationId);
        var names = accounts.publicNames(members.stream().map(Member::accountId).toList());
        return members.stream().map(m -> new Member(m.accountId(),
                names.getOrDefault(m.accountId(), "(unknown)"), m.role())).toList();
    }

    /** Whether an organisation of this name exists in any country, whatever the case. */
    public boolean nameTaken(String name) {
        return repository.existsByName(name);
    }

    public long count() {
        return repository.count();
    }
}
