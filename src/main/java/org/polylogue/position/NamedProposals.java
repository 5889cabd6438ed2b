package org.polylogue.position;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polylogue.position.internal.PositionRepository;
import org.polylogue.position.internal.PositionRepository.ProposalRow;
import org.polylogue.process.Processes;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Refusal.FieldMessage;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named proposals of a process ("programme of action"), managed by its secretariat (403
 * {@code not-secretariat} for anyone else). Names are unique within a process whatever the case
 * (409 {@code proposal-name-taken}); a proposal with stances cannot be deleted (409
 * {@code proposal-has-stances}), only renamed. A deleted proposal is kept out of sight; asking
 * about it again answers 404 to the secretariat and 403 to anyone else.
 */
@Service
public class NamedProposals {

    private final PositionRepository repository;
    private final PositionPermissions permissions;
    private final Processes processes;
    private final Clock clock;

    NamedProposals(PositionRepository repository, PositionPermissions permissions, Processes processes, Clock clock) {
        this.repository = repository;
        this.permissions = permissions;
        this.processes = processes;
        this.clock = clock;
    }

    /** The proposals of a process, oldest first; empty when there is no such process. */
    public Optional<List<Proposal>> of(String processSlug) {
        return processes.find(processSlug).map(p -> repository.proposals(p.id()).stream().map(NamedProposals::view)
                .toList());
    }

    public Optional<Proposal> find(String id) {
        return repository.proposal(id).filter(p -> !p.deleted()).map(NamedProposals::view);
    }

    @Transactional
    public Result<Proposal> create(String processSlug, SaveProposal request, Actor actor) {
        var process = processes.find(processSlug);
        if (process.isEmpty()) {
            return Result.rejected(Refusal.notFound("process-not-found", "There is no process " + processSlug + "."));
        }
        var refused = permissions.refuseProposals(actor, process.get().id());
        if (refused != null) {
            return Result.rejected(refused);
        }
        var checked = check(process.get().id(), request, null);
        if (checked != null) {
            return Result.rejected(checked);
        }
        var row = new ProposalRow(Ids.next(), process.get().id(), request.name().strip(), description(request),
                actor.accountId(), Instant.now(clock), null);
        repository.insertProposal(row);
        return Result.ok(view(row));
    }

    @Transactional
    public Result<Proposal> update(String id, SaveProposal request, Actor actor) {
        var found = repository.proposal(id);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        var refused = permissions.refuseProposals(actor, found.get().processId());
        if (refused != null) {
            return Result.rejected(refused);
        }
        if (found.get().deleted()) {
            return Result.rejected(notFound());
        }
        var checked = check(found.get().processId(), request, id);
        if (checked != null) {
            return Result.rejected(checked);
        }
        repository.updateProposal(id, request.name().strip(), description(request));
        return Result.ok(view(repository.proposal(id).orElseThrow()));
    }

    @Transactional
    public Result<Void> delete(String id, Actor actor) {
        var found = repository.proposal(id);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        var refused = permissions.refuseProposals(actor, found.get().processId());
        if (refused != null) {
            return Result.rejected(refused);
        }
        if (found.get().deleted()) {
            return Result.rejected(notFound());
        }
        if (repository.countStancesOnProposal(id) > 0) {
            return Result.rejected(Refusal.conflict("proposal-has-stances",
                    "Stances were recorded on this proposal; it stays in the ledger (rename it if needed)."));
        }
        repository.deleteProposal(id, Instant.now(clock));
        return Result.ok(null);
    }

    private Refusal check(String processId, SaveProposal request, String exceptId) {
        List<FieldMessage> errors = new ArrayList<>();
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldMessage("name", "is empty; name the proposal, e.g. programme of action"));
        } else if (name.length() > Proposal.MAX_NAME) {
            errors.add(new FieldMessage("name", "is " + name.length() + " characters long; the limit is "
                    + Proposal.MAX_NAME));
        }
        if (request != null && request.description() != null
                && request.description().strip().length() > Proposal.MAX_DESCRIPTION) {
            errors.add(new FieldMessage("description", "is longer than " + Proposal.MAX_DESCRIPTION + " characters"));
        }
        if (!errors.isEmpty()) {
            return Refusal.invalid(errors);
        }
        if (repository.proposalNameTaken(processId, name, exceptId)) {
            return Refusal.conflict("proposal-name-taken", "This process already has a proposal of that name.", "name");
        }
        return null;
    }

    private static String description(SaveProposal request) {
        return request.description() == null ? "" : request.description().strip();
    }

    private static Refusal notFound() {
        return Refusal.notFound("proposal-not-found", "There is no such named proposal.");
    }

    private static Proposal view(ProposalRow row) {
        return new Proposal(row.id(), row.processId(), row.name(), row.description(), row.createdAt());
    }
}
