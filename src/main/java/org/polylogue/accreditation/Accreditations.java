package org.polylogue.accreditation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polylogue.account.Accounts;
import org.polylogue.accreditation.internal.AccreditationRepository;
import org.polylogue.accreditation.internal.AccreditationRepository.EntryRow;
import org.polylogue.accreditation.internal.AccreditationRepository.RequestRow;
import org.polylogue.process.ProcessView;
import org.polylogue.process.Processes;
import org.polylogue.shared.Ids;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.SecurityEvent;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.stakeholder.StakeholderGroup;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accreditation module's front door: the public log of a process and the steps taken in it.
 * Every step is appended, never changed. Nothing else on the platform depends on the outcome.
 */
@Service
public class Accreditations {

    static final int MAX_TEXT = 2000;

    private final AccreditationRepository repository;
    private final AccreditationPermissions permissions;
    private final Processes processes;
    private final Organizations organizations;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accreditations(AccreditationRepository repository, AccreditationPermissions permissions, Processes processes,
            Organizations organizations, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.permissions = permissions;
        this.processes = processes;
        this.organizations = organizations;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** One page of the log of a process, newest request first; {@code state} null for all. Empty when no such process. */
    public Optional<AccreditationLog> log(String processSlug, AccreditationState state, PageRequest page) {
        return processes.find(processSlug).map(process -> {
            var rows = repository.page(process.id(), state, page.offset(), page.size());
            var counts = repository.counts(process.id());
            var summary = new AccreditationCounts(counts.get(AccreditationState.REQUESTED),
                    counts.get(AccreditationState.OBJECTED), counts.get(AccreditationState.ACCREDITED),
                    counts.get(AccreditationState.NOT_ACCREDITED));
            long total = state == null ? summary.total() : summary.of(state);
            return new AccreditationLog(process, state, views(rows), page.page(), page.size(), total, summary);
        });
    }

    /** One request of a process with its steps. */
    public Optional<AccreditationRequestView> find(String processSlug, String requestId) {
        return processes.find(processSlug).flatMap(process -> repository.find(process.id(), requestId))
                .map(row -> views(List.of(row)).getFirst());
    }

    /** An organisation requests accreditation; its representatives only; one undecided request at a time. */
    @Transactional
    public Result<AccreditationRequestView> request(String processSlug, RequestAccreditation request, Actor actor) {
        var process = processes.find(processSlug);
        if (process.isEmpty()) {
            return Result.rejected(processNotFound(processSlug));
        }
        var tooLong = tooLong("statement", request.statement());
        if (tooLong != null) {
            return Result.rejected(tooLong);
        }
        var refused = permissions.refuseRequest(actor, request.organizationId());
        if (refused != null) {
            return Result.rejected(refused);
        }
        var organization = organizations.find(request.organizationId()).orElseThrow();
        if (organization.type() == StakeholderGroup.MEMBER_STATE) {
            return Result.rejected(Refusal.invalid("organizationId",
                    "is a member state; member states take part without accreditation"));
        }
        String processId = process.get().id();
        repository.lock(processId + ":" + organization.id());
        var latest = repository.latestOf(processId, organization.id());
        if (latest.isPresent() && latest.get().state().open()) {
            return Result.rejected(Refusal.conflict("request-open",
                    "This organisation already has a request waiting for a decision in this process.", "organizationId"));
        }
        if (latest.isPresent() && latest.get().state() == AccreditationState.ACCREDITED) {
            return Result.rejected(Refusal.conflict("already-accredited",
                    "This organisation is already accredited to this process.", "organizationId"));
        }
        String id = Ids.next();
        Instant now = Instant.now(clock);
        repository.insertRequest(id, processId, organization.id(), actor.accountId(), now);
        repository.insertEntry(Ids.next(), id, EntryKind.REQUESTED, organization.id(), actor.accountId(), now,
                blankToNull(request.statement()), null, null);
        return Result.ok(find(processSlug, id).orElseThrow());
    }

    /** A verified member state objects to an undecided request, with or without a reason; once at a time. */
    @Transactional
    public Result<AccreditationEntry> object(String processSlug, String requestId, ObjectToRequest objection, Actor actor) {
        var process = processes.find(processSlug);
        if (process.isEmpty()) {
            return Result.rejected(processNotFound(processSlug));
        }
        var tooLong = tooLong("reason", objection.reason());
        if (tooLong != null) {
            return Result.rejected(tooLong);
        }
        var organization = organizations.find(objection.organizationId() == null ? "" : objection.organizationId());
        var refused = permissions.refuseObjection(actor, organization.orElse(null));
        if (refused != null) {
            return Result.rejected(refused);
        }
        repository.lock(requestId);
        var request = repository.find(process.get().id(), requestId);
        if (request.isEmpty()) {
            return Result.rejected(requestNotFound());
        }
        if (!request.get().state().open()) {
            return Result.rejected(Refusal.conflict("request-decided",
                    "The secretariat has decided on this request; objections are no longer taken."));
        }
        if (request.get().organizationId().equals(organization.get().id())) {
            return Result.rejected(Refusal.conflict("own-request", "An organisation cannot object to its own request."));
        }
        boolean standing = repository.entries(List.of(requestId)).stream().anyMatch(e -> e.kind() == EntryKind.OBJECTED
                && !e.withdrawn() && organization.get().id().equals(e.organizationId()));
        if (standing) {
            return Result.rejected(Refusal.conflict("already-objected",
                    "This member state already objects to this request.", "organizationId"));
        }
        String id = Ids.next();
        repository.insertEntry(id, requestId, EntryKind.OBJECTED, organization.get().id(), actor.accountId(),
                Instant.now(clock), blankToNull(objection.reason()), null, null);
        return Result.ok(entry(processSlug, requestId, id));
    }

    /** The member state that objected withdraws its objection; the objection stays in the log, marked withdrawn. */
    @Transactional
    public Result<AccreditationEntry> withdraw(String processSlug, String requestId, String objectionId, Actor actor) {
        var process = processes.find(processSlug);
        if (process.isEmpty()) {
            return Result.rejected(processNotFound(processSlug));
        }
        repository.lock(requestId);
        if (repository.find(process.get().id(), requestId).isEmpty()) {
            return Result.rejected(requestNotFound());
        }
        var objection = repository.entries(List.of(requestId)).stream()
                .filter(e -> e.id().equals(objectionId) && e.kind() == EntryKind.OBJECTED).findFirst();
        if (objection.isEmpty()) {
            return Result.rejected(Refusal.notFound("objection-not-found", "There is no such objection to this request."));
        }
        var refused = permissions.refuseWithdrawal(actor, objection.get().organizationId());
        if (refused != null) {
            return Result.rejected(refused);
        }
        if (objection.get().withdrawn()) {
            return Result.rejected(Refusal.conflict("objection-withdrawn", "This objection was already withdrawn."));
        }
        String id = Ids.next();
        repository.insertEntry(id, requestId, EntryKind.OBJECTION_WITHDRAWN, objection.get().organizationId(),
                actor.accountId(), Instant.now(clock), null, null, objectionId);
        return Result.ok(entry(processSlug, requestId, id));
    }

    /**
     * The secretariat decides; a reason is required for NOT_ACCREDITED. A decision is final until a
     * later, different decision supersedes it; both stay in the log.
     */
    @Transactional
    public Result<AccreditationEntry> decide(String processSlug, String requestId, DecideRequest decision, Actor actor) {
        var process = processes.find(processSlug);
        if (process.isEmpty()) {
            return Result.rejected(processNotFound(processSlug));
        }
        if (!permissions.canDecide(actor, process.get().id())) {
            return Result.rejected(Refusal.forbidden("not-secretariat",
                    "Only the secretariat of this process can decide on accreditation."));
        }
        var chosen = Decision.parse(decision.decision());
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        if (chosen == null) {
            errors.add(new Refusal.FieldMessage("decision", "must be ACCREDITED or NOT_ACCREDITED"));
        }
        if (chosen == Decision.NOT_ACCREDITED && blankToNull(decision.reason()) == null) {
            errors.add(new Refusal.FieldMessage("reason", "is required when the organisation is not accredited"));
        }
        if (decision.reason() != null && decision.reason().strip().length() > MAX_TEXT) {
            errors.add(new Refusal.FieldMessage("reason", "must be at most 2,000 characters"));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        repository.lock(requestId);
        var request = repository.find(process.get().id(), requestId);
        if (request.isEmpty()) {
            return Result.rejected(requestNotFound());
        }
        if (request.get().state() == chosen.state()) {
            return Result.rejected(Refusal.conflict("already-decided", "This request already has this decision.",
                    "decision"));
        }
        String id = Ids.next();
        repository.insertEntry(id, requestId, EntryKind.DECIDED, null, actor.accountId(), Instant.now(clock),
                blankToNull(decision.reason()), chosen, null);
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.ACCREDITATION_DECIDED, actor.accountId(),
                "process:" + process.get().id(), "request=" + requestId + " organization="
                        + request.get().organizationId() + " decision=" + chosen.name()));
        return Result.ok(entry(processSlug, requestId, id));
    }

    /** The organisations the actor may request accreditation for: those they represent, member states aside. */
    public List<OrganizationView> requestableBy(Actor actor) {
        if (actor == null) {
            return List.of();
        }
        return organizations.representedBy(actor.accountId()).stream()
                .filter(o -> o.type() != StakeholderGroup.MEMBER_STATE).toList();
    }

    /** The organisations the actor may object for: verified member states they represent. */
    public List<OrganizationView> objectableBy(Actor actor) {
        if (actor == null) {
            return List.of();
        }
        return organizations.representedBy(actor.accountId()).stream()
                .filter(o -> permissions.canObjectFor(actor, o)).toList();
    }

    /** The ids of organisations the actor represents (to offer withdrawing their own objections). */
    public Set<String> representedBy(Actor actor) {
        Set<String> ids = new HashSet<>();
        if (actor != null) {
            organizations.representedBy(actor.accountId()).forEach(o -> ids.add(o.id()));
        }
        return ids;
    }

    public boolean canDecide(Actor actor, ProcessView process) {
        return permissions.canDecide(actor, process.id());
    }

    private AccreditationEntry entry(String processSlug, String requestId, String entryId) {
        return find(processSlug, requestId).orElseThrow().entries().stream().filter(e -> e.id().equals(entryId))
                .findFirst().orElseThrow();
    }

    private List<AccreditationRequestView> views(List<RequestRow> rows) {
        var entries = repository.entries(rows.stream().map(RequestRow::id).toList());
        Set<String> organizationIds = new HashSet<>();
        Set<String> accountIds = new HashSet<>();
        rows.forEach(r -> organizationIds.add(r.organizationId()));
        entries.forEach(e -> {
            if (e.organizationId() != null) {
                organizationIds.add(e.organizationId());
            }
            accountIds.add(e.accountId());
        });
        var found = organizations.find(organizationIds);
        var names = accounts.publicNames(accountIds);
        return rows.stream().map(row -> new AccreditationRequestView(row.id(), row.processId(),
                summary(found, row.organizationId()), row.requestedAt(), row.state(),
                entries.stream().filter(e -> e.requestId().equals(row.id())).map(e -> entry(e, found, names)).toList()))
                .toList();
    }

    private static AccreditationEntry entry(EntryRow e, Map<String, OrganizationView> organizations,
            Map<String, String> names) {
        return new AccreditationEntry(e.id(), e.kind(), e.at(),
                e.organizationId() == null ? null : summary(organizations, e.organizationId()), e.accountId(),
                names.getOrDefault(e.accountId(), "(unknown)"), e.text(), e.decision(), e.objectionId(), e.withdrawn());
    }

    private static OrganizationSummary summary(Map<String, OrganizationView> organizations, String id) {
        var o = organizations.get(id);
        if (o == null) {
            return new OrganizationSummary(id, "(unknown organisation)", "", "", "", false, null);
        }
        return new OrganizationSummary(o.id(), o.name(), o.type().label(), o.country(), o.countryName(), o.verified(),
                o.ecosocStatus() == null ? null : o.ecosocStatus().label());
    }

    private static Refusal tooLong(String field, String text) {
        return text != null && text.strip().length() > MAX_TEXT
                ? Refusal.invalid(field, "must be at most 2,000 characters") : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Refusal processNotFound(String slug) {
        return Refusal.notFound("process-not-found", "There is no process " + slug + ".");
    }

    private static Refusal requestNotFound() {
        return Refusal.notFound("request-not-found", "There is no such accreditation request in this process.");
    }
}
