package org.polylogue.process;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polylogue.process.internal.ProcessRepository;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Processes: create, find, list. */
@Service
public class Processes {

    private final ProcessRepository repository;
    private final ProcessPermissions permissions;
    private final Clock clock;

    Processes(ProcessRepository repository, ProcessPermissions permissions, Clock clock) {
        this.repository = repository;
        this.permissions = permissions;
        this.clock = clock;
    }

    /**
     * Creates a process; its creator joins its secretariat. Administrators only. Refuses a slug taken by
     * another process (409 {@code duplicate-slug}) or one of {@link ReservedProcessSlugs} (422
     * {@code reserved-slug}, on the field {@code slug}).
     */
    @Transactional
    public Result<ProcessView> create(CreateProcess request, Actor actor) {
        if (!permissions.canCreateProcess(actor)) {
            return Result.rejected(Refusal.forbidden("not-administrator", "Only an administrator can create a process."));
        }
        if (ReservedProcessSlugs.isReserved(request.slug())) {
            return Result.rejected(new Refusal(Refusal.Kind.UNPROCESSABLE, "reserved-slug",
                    "This slug is reserved.", List.of(new Refusal.FieldMessage("slug",
                            ReservedProcessSlugs.message(request.slug())))));
        }
        if (repository.findProcess(request.slug()).isPresent()) {
            return Result.rejected(Refusal.conflict("duplicate-slug", "A process with this slug already exists.", "slug"));
        }
        String id = Ids.next();
        repository.insertProcess(id, request.slug(), request.title().strip(),
                request.summary() == null ? "" : request.summary().strip(), actor.accountId(), Instant.now(clock));
        repository.addSecretariat(id, actor.accountId());
        return Result.ok(repository.findProcess(request.slug()).orElseThrow());
    }

    public Optional<ProcessView> find(String slug) {
        return repository.findProcess(slug);
    }

    public Optional<ProcessView> findById(String id) {
        return id == null ? Optional.empty() : repository.findProcessById(id);
    }

    public List<ProcessView> all() {
        return repository.allProcesses();
    }
}
