package org.polylogue.position.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.polylogue.account.Accounts;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.Drafts;
import org.polylogue.position.Position;
import org.polylogue.position.RecordedAs;
import org.polylogue.position.StanceView;
import org.polylogue.position.StanceView.ActorRef;
import org.polylogue.position.StanceView.EvidenceView;
import org.polylogue.position.StanceView.ItemRef;
import org.polylogue.position.internal.PositionRepository.StanceRow;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.process.ProcessView;
import org.polylogue.process.Processes;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Component;

/** Rows of the ledger as views: names of actors (public names for people), labels and links of items and evidence. */
@Component
public class PositionViews {

    private final PositionRepository repository;
    private final Organizations organizations;
    private final Accounts accounts;
    private final Consultations consultations;
    private final Processes processes;
    private final Drafts drafts;

    PositionViews(PositionRepository repository, Organizations organizations, Accounts accounts,
            Consultations consultations, Processes processes, Drafts drafts) {
        this.repository = repository;
        this.organizations = organizations;
        this.accounts = accounts;
        this.consultations = consultations;
        this.processes = processes;
        this.drafts = drafts;
    }

    /** The stance ids that no later stance of the same actor on the same item supersedes (rows oldest first). */
    public static Set<String> current(List<StanceRow> rowsOldestFirst) {
        Map<String, String> latest = new LinkedHashMap<>();
        rowsOldestFirst.forEach(row -> latest.put(row.key(), row.id()));
        return Set.copyOf(latest.values());
    }

    /** Views of the rows in their order, with their evidence, in a constant number of queries per call. */
    public List<StanceView> views(List<StanceRow> rows, Set<String> currentIds) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var evidence = repository.evidence(rows.stream().map(StanceRow::id).toList()).stream()
                .collect(Collectors.groupingBy(PositionRepository.EvidenceRow::stanceId));
        var actors = actors(rows);
        var items = items(rows);
        Map<String, ProcessView> processById = new HashMap<>();
        for (String id : rows.stream().map(StanceRow::processId).distinct().toList()) {
            processes.findById(id).ifPresent(p -> processById.put(id, p));
        }
        return rows.stream().map(row -> {
            var process = processById.get(row.processId());
            var position = Position.valueOf(row.position());
            var recordedAs = RecordedAs.parse(row.recordedAs());
            var evidenceViews = evidence.getOrDefault(row.id(), List.of()).stream()
                    .map(e -> new EvidenceView(e.kind(), e.refId(), e.label(), e.url())).toList();
            return new StanceView(row.id(), row.processId(), process == null ? null : process.slug(),
                    actors.get(row.actorKind() + ":" + row.actorId()), items.get(row.itemKey()), position,
                    position.label(), row.summary(), row.statedOn(), row.recordedAt(), recordedAs.code(),
                    recordedAs.label(), evidenceViews, currentIds.contains(row.id()));
        }).toList();
    }

    /** The actors of these rows by {@code kind:id}. */
    public Map<String, ActorRef> actors(Collection<StanceRow> rows) {
        var organizationIds = rows.stream().filter(r -> r.actorKind().equals("organization"))
                .map(StanceRow::actorId).collect(Collectors.toSet());
        var personIds = rows.stream().filter(r -> r.actorKind().equals("person")).map(StanceRow::actorId)
                .collect(Collectors.toSet());
        Map<String, ActorRef> actors = new HashMap<>();
        organizations.find(organizationIds).values().forEach(o -> actors.put("organization:" + o.id(), actor(o)));
        var names = accounts.publicNames(personIds);
        for (String id : personIds) {
            actors.put("person:" + id, new ActorRef("person", id, names.getOrDefault(id, "(unknown person)"), null,
                    null, null, false, null));
        }
        for (var row : rows) {
            actors.putIfAbsent(row.actorKind() + ":" + row.actorId(), new ActorRef(row.actorKind(), row.actorId(),
                    "(unknown)", null, null, null, false, null));
        }
        return actors;
    }

    public static ActorRef actor(OrganizationView o) {
        return new ActorRef("organization", o.id(), o.name(), o.type() == null ? null : o.type().name(),
                o.regionalGroup() == null ? null : o.regionalGroup().name(), o.country(), o.verified(),
                "/organizations/" + o.id());
    }

    /** The items of these rows by {@link StanceRow#itemKey()}. */
    public Map<String, ItemRef> items(Collection<StanceRow> rows) {
        var consultationIds = rows.stream().map(StanceRow::consultationId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        rows.stream().filter(r -> r.itemKind().equals("consultation")).forEach(r -> consultationIds.add(r.itemId()));
        Map<String, ConsultationView> byId = consultations.findAll(consultationIds);
        Map<String, Map<String, Block>> paragraphs = new HashMap<>();
        var proposals = repository.proposals(rows.stream().filter(r -> r.itemKind().equals("proposal"))
                .map(StanceRow::itemId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(PositionRepository.ProposalRow::id, p -> p));
        Map<String, ItemRef> items = new HashMap<>();
        for (var row : rows) {
            items.computeIfAbsent(row.itemKey(), key -> item(row.itemKind(), row.itemId(), row.consultationId(), byId,
                    paragraphs, proposals));
        }
        return items;
    }

    private ItemRef item(String kind, String id, String consultationId, Map<String, ConsultationView> byId,
            Map<String, Map<String, Block>> paragraphs, Map<String, PositionRepository.ProposalRow> proposals) {
        var consultation = byId.get(kind.equals("consultation") ? id : consultationId);
        String title = consultation == null ? "(unknown consultation)" : consultation.title();
        return switch (kind) {
            case "proposal" -> {
                var proposal = proposals.get(id);
                yield new ItemRef(kind, id, null, proposal == null ? "(removed proposal)" : proposal.name(), null);
            }
            case "consultation" -> new ItemRef(kind, id, id, title,
                    consultation == null ? null : "/consultations/" + consultation.slug());
            case "paragraph" -> {
                Block block = consultation == null ? null : paragraphs.computeIfAbsent(consultation.documentId(),
                        doc -> drafts.currentVersion(doc).map(v -> v.paragraphsById()).orElse(Map.of())).get(id);
                String label = block == null ? "A paragraph no longer in the draft of “" + title + "”"
                        : "¶ " + block.number() + " of “" + title + "”";
                yield new ItemRef(kind, id, consultationId, label, consultation == null ? null
                        : "/consultations/" + consultation.slug() + "/paragraphs/" + id);
            }
            default -> new ItemRef(kind, id, consultationId, "Amendment " + id + " to “" + title + "”",
                    consultation == null ? null : EvidenceHooks.amendmentPath(consultation.slug(), id));
        };
    }

    /** A paragraph's number in the current draft, for ordering (0 when gone). */
    public int paragraphNumber(ItemRef item) {
        if (!item.kind().equals("paragraph")) {
            return 0;
        }
        String label = item.label();
        if (label.startsWith("¶ ")) {
            return Integer.parseInt(label.substring(2, label.indexOf(' ', 2)));
        }
        return Integer.MAX_VALUE;
    }
}
