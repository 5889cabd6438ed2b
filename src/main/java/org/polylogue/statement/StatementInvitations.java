package org.polylogue.statement;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polylogue.drafting.Drafts;
import org.polylogue.moderation.Moderation;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.process.ProcessView;
import org.polylogue.process.Processes;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.statement.internal.StatementRepository;
import org.polylogue.statement.internal.StatementRepository.SignatureRow;
import org.polylogue.statement.internal.StatementRepository.StatementRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The lead invites organisations and shares the join link. */
@Component
class StatementInvitations {

    private final StatementViews views;
    private final StatementRepository repository;
    private final Organizations organizations;
    private final Clock clock;

    StatementInvitations(StatementViews views, StatementRepository repository, Organizations organizations,
            Clock clock) {
        this.views = views;
        this.repository = repository;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** Invites an organisation (lead only); inviting again changes nothing. Not possible once signing closed. */
    @Transactional
    public Result<Invitation> invite(String id, String organizationId, Actor actor) {
        var asLead = views.asLead(id, actor);
        if (asLead instanceof Result.Rejected<StatementRow> refusedLead) {
            return Result.rejected(refusedLead.refusal());
        }
        StatementRow found = asLead.orThrow();
        var organization = organizationId == null ? Optional.<OrganizationView>empty()
                : organizations.find(organizationId.strip());
        if (organization.isEmpty()) {
            return Result.rejected(Refusal.invalid("organizationId", "no organisation with this id"));
        }
        if (organization.get().id().equals(found.leadOrganizationId())) {
            return Result.rejected(Refusal.invalid("organizationId", "is the lead organisation"));
        }
        if (views.status(found) == StatementStatus.CLOSED) {
            return Result.rejected(StatementRefusals.closed());
        }
        repository.invite(id, organization.get().id(), actor.accountId(), Instant.now(clock));
        return Result.ok(invitations(id, actor).orThrow().stream()
                .filter(i -> i.organizationId().equals(organization.get().id())).findFirst().orElseThrow());
    }

    /** The invited organisations and whether they signed; lead only. */
    public Result<List<Invitation>> invitations(String id, Actor actor) {
        var asLead = views.asLead(id, actor);
        if (asLead instanceof Result.Rejected<StatementRow> refusedLead) {
            return Result.rejected(refusedLead.refusal());
        }
        var rows = repository.invitations(id);
        var signatures = repository.signatures(id);
        var orgs = organizations.find(rows.stream().map(StatementRepository.InvitationRow::organizationId).toList());
        return Result.ok(rows.stream().map(r -> {
            var o = orgs.get(r.organizationId());
            String state = "invited";
            for (var s : signatures) {
                if (s.organizationId().equals(r.organizationId())) {
                    state = s.withdrawnAt() == null ? "signed" : "withdrawn";
                }
            }
            return new Invitation(r.organizationId(), o == null ? "(unknown)" : o.name(), o != null && o.verified(),
                    r.invitedAt(), state);
        }).toList());
    }

    /** The shareable join path with its secret token; lead only. */
    public Result<String> joinPath(String id, Actor actor) {
        var asLead = views.asLead(id, actor);
        if (asLead instanceof Result.Rejected<StatementRow> refusedLead) {
            return Result.rejected(refusedLead.refusal());
        }
        StatementRow found = asLead.orThrow();
        return Result.ok("/statements/" + id + "/join?token=" + found.joinToken());
    }
}
