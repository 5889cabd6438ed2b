package org.polylogue.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.polylogue.account.Accounts;
import org.polylogue.audit.internal.AuditRepository;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** The audit module's front door: read the log (administrators) and forget what is older than the retention. */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final AuditPermissions permissions;
    private final Accounts accounts;
    private final Clock clock;
    private final Duration retention;

    AuditLog(AuditRepository repository, AuditPermissions permissions, Accounts accounts, Clock clock,
            @Value("${polylogue.audit.retention:P365D}") Duration retention) {
        this.repository = repository;
        this.permissions = permissions;
        this.accounts = accounts;
        this.clock = clock;
        this.retention = retention;
    }

    public Result<Paged<AuditEntry>> read(AuditQuery query, PageRequest page, Actor actor) {
        if (!permissions.canRead(actor)) {
            return Result.rejected(Refusal.forbidden("not-administrator", "Only platform administrators read the audit log."));
        }
        if (query.kindProblem() != null) {
            return Result.rejected(Refusal.invalid("kind", query.kindProblem()));
        }
        var rows = repository.find(query, page);
        var names = accounts.displayNames(rows.items().stream().map(AuditEntry::actorAccountId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return Result.ok(new Paged<>(rows.items().stream().map(e -> new AuditEntry(e.id(), e.at(), e.kind(),
                e.actorAccountId(), e.actorAccountId() == null ? null : names.getOrDefault(e.actorAccountId(), "(deleted)"),
                e.subject(), e.detail())).toList(), rows.page(), rows.size(), rows.total()));
    }

    public Duration retention() {
        return retention;
    }

    /** Forgets events older than the retention period; runs every hour and returns how many went. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    public int forgetExpired() {
        return repository.deleteBefore(Instant.now(clock).minus(retention));
    }
}
