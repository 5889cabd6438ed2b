package org.polylogue.position;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polylogue.drafting.Drafts;
import org.polylogue.position.StanceView.ActorRef;
import org.polylogue.position.StanceView.ItemRef;
import org.polylogue.position.internal.PositionRepository;
import org.polylogue.position.internal.PositionRepository.StanceRow;
import org.polylogue.position.internal.PositionViews;
import org.polylogue.process.Consultations;
import org.polylogue.process.ProcessView;
import org.polylogue.process.Processes;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.stakeholder.RegionalGroup;
import org.polylogue.stakeholder.StakeholderGroup;
import org.springframework.stereotype.Service;

/**
 * The position ledger's front door. Stances are never changed or deleted: a new stance of the same
 * actor on the same item supersedes the earlier one in the matrix (by date, then by when it was
 * recorded), and the history keeps both. Every stance has at least one piece of evidence.
 */
@Service
public class Positions {

    private final PositionRepository repository;
    private final PositionPermissions permissions;
    private final PositionViews views;
    private final StanceRecording recording;
    private final Processes processes;
    private final Consultations consultations;
    private final Drafts drafts;
    private final Organizations organizations;

    Positions(PositionRepository repository, PositionPermissions permissions, PositionViews views,
            StanceRecording recording, Processes processes, Consultations consultations, Drafts drafts,
            Organizations organizations) {
        this.repository = repository;
        this.permissions = permissions;
        this.views = views;
        this.recording = recording;
        this.processes = processes;
        this.consultations = consultations;
        this.drafts = drafts;
        this.organizations = organizations;
    }

    /**
     * Records a stance. Refused: email not confirmed, or recording for an organisation the actor
     * neither represents nor runs the process of (403); unknown organisation, item, consultation or
     * paragraph, unknown position, missing or over-long summary, a date in the future, evidence that
     * cannot be found or a link that is not https (400 with field errors); no evidence at all (422
     * {@code evidence-required}). Nothing is stored when refused.
     */
    public Result<StanceView> record(RecordStance request, Actor actor) {
        return recording.record(request, actor).map(id -> stance(id).orElseThrow());
    }

    /** One stance, with whether it is still current. */
    public Optional<StanceView> stance(String id) {
        return repository.stance(id).map(row -> {
            var history = repository.stancesOfProcess(row.processId()).stream()
                    .filter(r -> r.key().equals(row.key())).toList();
            return views.views(List.of(row), PositionViews.current(history)).getFirst();
        });
    }

    /**
     * The matrix of a process: actors with a current stance (filtered by stakeholder group and/or
     * regional group constant names; people have neither, so a filter leaves them out) × the named
     * proposals and every item other than an amendment with a stance; amendments apart, each with its
     * stances. Empty when the process does not exist.
     */
    public Optional<PositionMatrix> matrix(String processSlug, String group, String region) {
        var process = processes.find(processSlug);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        var rows = repository.stancesOfProcess(process.get().id());
        var current = PositionViews.current(rows);
        var cells = views.views(rows.stream().filter(r -> current.contains(r.id())).toList(), current);
        var stakeholderGroup = StakeholderGroup.parse(group);
        var regionalGroup = regional(region);
        cells = cells.stream().filter(c -> (stakeholderGroup == null
                || stakeholderGroup.name().equals(c.actor().stakeholderGroup()))
                && (regionalGroup == null || regionalGroup.name().equals(c.actor().regionalGroup()))).toList();
        // amendments are not a column: support for one says nothing about everyone else, so they get
        // their own list (each with the actors that took a stance on it) and the matrix has no empty cells
        var amendmentCells = cells.stream().filter(c -> c.item().kind().equals(ItemKind.AMENDMENT.code())).toList();
        cells = cells.stream().filter(c -> !c.item().kind().equals(ItemKind.AMENDMENT.code())).toList();
        List<ActorRef> actors = cells.stream().map(StanceView::actor).distinct()
                .sorted(Comparator.comparing((ActorRef a) -> a.organization() ? 0 : 1)
                        .thenComparing(a -> a.stakeholderGroup() == null ? 99
                                : StakeholderGroup.valueOf(a.stakeholderGroup()).ordinal())
                        .thenComparing(a -> a.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        Map<String, ItemRef> items = new java.util.LinkedHashMap<>();
        for (var proposal : repository.proposals(process.get().id())) {
            var ref = new ItemRef("proposal", proposal.id(), null, proposal.name(), null);
            items.put(ref.key(), ref);
        }
        Map<String, ItemRef> others = new HashMap<>();
        rows.forEach(row -> others.putIfAbsent(row.itemKey(), null));
        views.items(rows).forEach((key, ref) -> {
            if (!ref.kind().equals("proposal") && !ref.kind().equals(ItemKind.AMENDMENT.code())) {
                others.put(key, ref);
            }
        });
        others.values().stream().filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing((ItemRef i) -> ItemKind.parse(i.kind()).ordinal())
                        .thenComparing(i -> i.consultationId() == null ? "" : i.consultationId())
                        .thenComparing(views::paragraphNumber).thenComparing(ItemRef::label))
                .forEach(ref -> items.put(ref.key(), ref));
        return Optional.of(new PositionMatrix(process.get().id(), process.get().slug(), process.get().title(),
                stakeholderGroup == null ? null : stakeholderGroup.name(),
                regionalGroup == null ? null : regionalGroup.name(), actors, List.copyOf(items.values()), cells,
                amendments(amendmentCells)));
    }

    /** Each amendment with a stance, in the consultation's order, with those stances by actor name. */
    private List<PositionMatrix.AmendmentStances> amendments(List<StanceView> cells) {
        Map<String, List<StanceView>> byItem = new java.util.LinkedHashMap<>();
        cells.stream().sorted(Comparator.comparing((StanceView c) -> c.item().consultationId() == null ? ""
                : c.item().consultationId()).thenComparing(c -> c.item().label())
                .thenComparing(c -> c.actor().name().toLowerCase(java.util.Locale.ROOT)))
                .forEach(c -> byItem.computeIfAbsent(c.item().key(), k -> new java.util.ArrayList<>()).add(c));
        return byItem.values().stream().map(list -> new PositionMatrix.AmendmentStances(list.getFirst().item(),
                List.copyOf(list))).toList();
    }

    /** The whole ledger of a process, oldest first, each stance saying whether it is current. */
    public Optional<List<StanceView>> ledger(String processSlug) {
        return processes.find(processSlug).map(process -> {
            var rows = repository.stancesOfProcess(process.id());
            return views.views(rows, PositionViews.current(rows));
        });
    }

    /** An organisation's stances in every process, newest first; empty when there is no such organisation. */
    public Optional<List<StanceView>> ofOrganization(String organizationId) {
        if (organizationId == null || organizations.find(organizationId).isEmpty()) {
            return Optional.empty();
        }
        var rows = repository.stancesOfActor("organization", organizationId);
        var current = new java.util.HashSet<String>();
        for (String processId : rows.stream().map(StanceRow::processId).distinct().toList()) {
            current.addAll(PositionViews.current(repository.stancesOfProcess(processId)));
        }
        return Optional.of(views.views(rows, current).reversed());
    }

    /**
     * Stances taken between two dates (both included) with the position each replaced. Refused: no
     * such process (404), a date that cannot be read or {@code from} after {@code to} (400).
     */
    public Result<PositionChanges> changes(String processSlug, LocalDate from, LocalDate to) {
        var process = processes.find(processSlug);
        if (process.isEmpty()) {
            return Result.rejected(Refusal.notFound("process-not-found", "There is no process " + processSlug + "."));
        }
        if (from.isAfter(to)) {
            return Result.rejected(Refusal.invalid("from", "must not be after the end date"));
        }
        var rows = repository.stancesOfProcess(process.get().id());
        var current = PositionViews.current(rows);
        Map<String, Position> before = new HashMap<>();
        List<StanceRow> inPeriod = new ArrayList<>();
        List<Position> previous = new ArrayList<>();
        for (var row : rows) {
            if (!row.statedOn().isBefore(from) && !row.statedOn().isAfter(to)) {
                inPeriod.add(row);
                previous.add(before.get(row.key()));
            }
            before.put(row.key(), Position.valueOf(row.position()));
        }
        var stanceViews = views.views(inPeriod, current);
        List<PositionChange> changes = new ArrayList<>();
        for (int i = 0; i < stanceViews.size(); i++) {
            changes.add(new PositionChange(stanceViews.get(i), previous.get(i)));
        }
        return Result.ok(new PositionChanges(process.get().slug(), process.get().title(), from, to, changes));
    }

    /** An item the record form offers: {@code value} is {@code kind:consultationId:id} (see {@link #itemOf}). */
    public record ItemChoice(String value, String label) {}

    /** The named proposals, consultations and their current paragraphs of a process, for the record form. */
    public List<ItemChoice> itemChoices(ProcessView process) {
        List<ItemChoice> choices = new ArrayList<>();
        for (var proposal : repository.proposals(process.id())) {
            choices.add(new ItemChoice("proposal::" + proposal.id(), "Proposal: " + proposal.name()));
        }
        for (var consultation : consultations.ofProcess(process.id())) {
            choices.add(new ItemChoice("consultation::" + consultation.id(), "Consultation: " + consultation.title()));
            drafts.currentVersion(consultation.documentId()).ifPresent(version -> version.paragraphs().forEach(p ->
                    choices.add(new ItemChoice("paragraph:" + consultation.id() + ":" + p.paragraphId(), "¶ "
                            + p.number() + " of “" + consultation.title() + "”: " + abbreviate(p.text())))));
        }
        return choices;
    }

    /** The item of a form value made by {@link #itemChoices}; null parts where the value is malformed. */
    public static RecordStance.Item itemOf(String value) {
        String[] parts = value == null ? new String[0] : value.split(":", 3);
        if (parts.length != 3) {
            return new RecordStance.Item(null, null, null);
        }
        return new RecordStance.Item(parts[0], parts[2], parts[1].isEmpty() ? null : parts[1]);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    /**
     * The organisations the record form offers: those the actor represents, and for the secretariat
     * the one already chosen, those found by name and those already in the ledger.
     */
    public List<org.polylogue.stakeholder.OrganizationView> organizationChoices(Actor actor, ProcessView process,
            String query, String chosenId) {
        if (actor == null) {
            return List.of();
        }
        var choices = new java.util.LinkedHashMap<String, org.polylogue.stakeholder.OrganizationView>();
        organizations.representedBy(actor.accountId()).forEach(o -> choices.put(o.id(), o));
        if (permissions.recordsForAnyOrganization(actor, process.id())) {
            if (chosenId != null && !chosenId.isBlank()) {
                organizations.find(chosenId).ifPresent(o -> choices.putIfAbsent(o.id(), o));
            }
            organizations.search(query, 50).forEach(o -> choices.putIfAbsent(o.id(), o));
            var inLedger = repository.stancesOfProcess(process.id()).stream()
                    .filter(r -> r.actorKind().equals("organization")).map(StanceRow::actorId).distinct().toList();
            organizations.find(inLedger).values().forEach(o -> choices.putIfAbsent(o.id(), o));
        }
        return List.copyOf(choices.values());
    }

    /** Whether the actor records for any organisation of the process (its secretariat). */
    public boolean recordsForAnyOrganization(Actor actor, ProcessView process) {
        return actor != null && permissions.recordsForAnyOrganization(actor, process.id());
    }

    /** The process, for pages. */
    public Optional<ProcessView> process(String slug) {
        return processes.find(slug);
    }


    private static RegionalGroup regional(String name) {
        for (var region : RegionalGroup.values()) {
            if (region.name().equals(name)) {
                return region;
            }
        }
        return null;
    }
}
