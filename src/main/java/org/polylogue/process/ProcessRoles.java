package org.polylogue.process;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polylogue.account.Accounts;
import org.polylogue.process.internal.ProcessRepository;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who run and moderate a process. Administrators appoint and remove the secretariat;
 * the secretariat (or an administrator) appoints and removes moderators. The last member of a
 * secretariat cannot be removed: a process always names someone accountable for it (an
 * administrator appoints a successor first).
 */
@Service
public class ProcessRoles {

    private final ProcessRepository repository;
    private final ProcessPermissions permissions;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProcessRoles(ProcessRepository repository, ProcessPermissions permissions, Accounts accounts,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.permissions = permissions;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** The process's secretariat and moderators with their public names; empty when there is no such process. */
    public Optional<ProcessRoleList> of(String processSlug) {
        return repository.findProcess(processSlug).map(process -> {
            var secretariat = repository.holders(process.id(), ProcessRole.SECRETARIAT);
            var moderators = repository.holders(process.id(), ProcessRole.MODERATOR);
            List<String> ids = new ArrayList<>();
            secretariat.forEach(h -> ids.add(h.accountId()));
            moderators.forEach(h -> ids.add(h.accountId()));
            var names = accounts.publicNames(ids);
            return new ProcessRoleList(process, named(secretariat, names), named(moderators, names));
        });
    }

    /** Appoints a registered person to a role; 403 unless the actor may manage that role, 409 if already held. */
    @Transactional
    public Result<RoleHolder> appoint(String processSlug, AppointRole request, Actor actor) {
        var process = repository.findProcess(processSlug);
        if (process.isEmpty()) {
            return Result.rejected(Refusal.notFound("process-not-found", "There is no process " + processSlug + "."));
        }
        var role = ProcessRole.parse(request.role());
        if (role == null) {
            return Result.rejected(Refusal.invalid("role", "must be SECRETARIAT or MODERATOR"));
        }
        var refused = refuseUnlessAllowed(actor, process.get().id(), role);
        if (refused != null) {
            return Result.rejected(refused);
        }
        var person = accounts.findByEmail(request.email() == null ? "" : request.email());
        if (person.isEmpty()) {
            return Result.rejected(Refusal.invalid("email", "no account is registered with this email"));
        }
        Instant now = Instant.now(clock);
        if (!repository.appoint(process.get().id(), role, person.get().id(), actor.accountId(), now)) {
            return Result.rejected(Refusal.conflict("already-appointed",
                    "This person already holds this role in the process.", "email"));
        }
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.ROLE_GRANTED, actor.accountId(),
                "process:" + process.get().id(), detail(role, person.get().id())));
        String name = accounts.publicNames(List.of(person.get().id())).getOrDefault(person.get().id(), "(unknown)");
        return Result.ok(new RoleHolder(role, person.get().id(), name, now));
    }

    /** Removes a role holder; 404 when they do not hold it, 409 for the last member of the secretariat. */
    @Transactional
    public Result<RoleHolder> remove(String processSlug, String roleName, String accountId, Actor actor) {
        var process = repository.findProcess(processSlug);
        if (process.isEmpty()) {
            return Result.rejected(Refusal.notFound("process-not-found", "There is no process " + processSlug + "."));
        }
        var role = ProcessRole.parse(roleName);
        if (role == null) {
            return Result.rejected(Refusal.invalid("role", "must be SECRETARIAT or MODERATOR"));
        }
        var refused = refuseUnlessAllowed(actor, process.get().id(), role);
        if (refused != null) {
            return Result.rejected(refused);
        }
        String processId = process.get().id();
        repository.lockProcess(processId);
        var holder = repository.holders(processId, role).stream().filter(h -> h.accountId().equals(accountId)).findFirst();
        if (holder.isEmpty()) {
            return Result.rejected(Refusal.notFound("role-holder-not-found",
                    "This person does not hold this role in the process."));
        }
        if (role == ProcessRole.SECRETARIAT && repository.count(processId, role) <= 1) {
            return Result.rejected(Refusal.conflict("last-secretariat",
                    "A process keeps at least one member of its secretariat: appoint another one first."));
        }
        repository.remove(processId, role, accountId);
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.ROLE_REVOKED, actor.accountId(),
                "process:" + processId, detail(role, accountId)));
        return Result.ok(holder.get());
    }

    private Refusal refuseUnlessAllowed(Actor actor, String processId, ProcessRole role) {
        if (permissions.canManageRoles(actor, processId, role)) {
            return null;
        }
        return role == ProcessRole.SECRETARIAT
                ? Refusal.forbidden("not-administrator", "Only an administrator can appoint or remove the secretariat.")
                : Refusal.forbidden("not-secretariat",
                        "Only the secretariat of this process can appoint or remove its moderators.");
    }

    private static String detail(ProcessRole role, String accountId) {
        return "role=" + role.name() + " account=" + accountId;
    }

    private static List<RoleHolder> named(List<RoleHolder> holders, java.util.Map<String, String> names) {
        return holders.stream().map(h -> new RoleHolder(h.role(), h.accountId(),
                names.getOrDefault(h.accountId(), "(unknown)"), h.appointedAt())).toList();
    }
}
