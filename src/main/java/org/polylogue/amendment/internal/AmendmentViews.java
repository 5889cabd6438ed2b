package org.polylogue.amendment.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.polylogue.account.Accounts;
import org.polylogue.amendment.AmendmentKind;
import org.polylogue.amendment.AmendmentSupports;
import org.polylogue.amendment.AmendmentView;
import org.polylogue.amendment.DispositionDecision;
import org.polylogue.amendment.DispositionResponse;
import org.polylogue.amendment.DispositionView;
import org.polylogue.amendment.internal.AmendmentRepository.AmendmentRow;
import org.polylogue.amendment.internal.AmendmentRepository.DispositionRow;
import org.polylogue.amendment.internal.AmendmentRepository.SupportRow;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.DocumentVersion;
import org.polylogue.drafting.Drafts;
import org.polylogue.moderation.Moderation;
import org.polylogue.process.ConsultationView;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Component;

/** Builds amendment views in a fixed number of queries: names, organisations, supports, dispositions, notices. */
@Component
public class AmendmentViews {

    public static final String KIND = org.polylogue.drafting.AmendmentLookup.MODERATED_KIND;

    private final AmendmentRepository repository;
    private final Accounts accounts;
    private final Organizations organizations;
    private final Moderation moderation;
    private final Drafts drafts;

    AmendmentViews(AmendmentRepository repository, Accounts accounts, Organizations organizations,
            Moderation moderation, Drafts drafts) {
        this.repository = repository;
        this.accounts = accounts;
        this.organizations = organizations;
        this.moderation = moderation;
        this.drafts = drafts;
    }

    /**
     * The number of amendments of each paragraph of a consultation that readers can see: amendments
     * hidden by the moderators are not counted. Paragraphs without any are absent. Two queries.
     */
    public Map<String, Integer> visibleCountsByParagraph(String consultationId) {
        Map<String, String> paragraphs = repository.paragraphsById(consultationId);
        if (paragraphs.isEmpty()) {
            return Map.of();
        }
        var hidden = moderation.hidden(KIND, paragraphs.keySet());
        Map<String, Integer> counts = new HashMap<>();
        paragraphs.forEach((id, paragraph) -> {
            if (!hidden.containsKey(id)) {
                counts.merge(paragraph, 1, Integer::sum);
            }
        });
        return counts;
    }

    /**
     * Views of amendments of one consultation. {@code drafts}: include draft dispositions (the
     * secretariat's view).
     */
    public List<AmendmentView> views(ConsultationView consultation, List<AmendmentRow> rows, boolean drafts) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.stream().map(AmendmentRow::id).toList();
        DocumentVersion current = this.drafts.currentVersion(consultation.documentId()).orElseThrow();
        var supports = repository.supports(ids);
        Set<String> orgIds = new HashSet<>();
        rows.stream().map(AmendmentRow::organizationId).filter(java.util.Objects::nonNull).forEach(orgIds::add);
        supports.values().forEach(list -> list.forEach(s -> orgIds.add(s.organizationId())));
        Map<String, OrganizationView> orgs = organizations.find(orgIds);
        Map<String, String> names = accounts.publicNames(rows.stream().map(AmendmentRow::authorAccountId).distinct().toList());
        Map<String, DispositionRow> dispositions = repository.dispositions(KIND, ids, drafts);
        var hidden = moderation.hidden(KIND, ids);
        Map<Integer, Map<String, Block>> older = new HashMap<>();
        List<AmendmentView> views = new ArrayList<>();
        for (AmendmentRow row : rows) {
            Block paragraph = current.paragraphsById().get(row.paragraphId());
            String currentText;
            if (paragraph != null) {
                currentText = paragraph.text();
            } else {
                var then = older.computeIfAbsent(row.madeOnVersion(), n -> this.drafts
                        .version(consultation.documentId(), n).map(DocumentVersion::paragraphsById).orElse(Map.of()));
                currentText = then.containsKey(row.paragraphId()) ? then.get(row.paragraphId()).text() : "";
            }
            var kind = AmendmentKind.valueOf(row.kind());
            var view = new AmendmentView(row.id(), consultation.id(), consultation.slug(), row.paragraphId(),
                    paragraph == null ? null : paragraph.number(), kind, currentText, row.text(), row.rationale(),
                    Redline.of(kind, currentText, row.text()), row.madeOnVersion(),
                    names.getOrDefault(row.authorAccountId(), "(unknown)"), ref(orgs.get(row.organizationId())),
                    row.createdAt(), supports(supports.getOrDefault(row.id(), List.of()), orgs),
                    disposition(dispositions.get(row.id())), null);
            views.add(hidden.containsKey(row.id()) ? view.withHidden(hidden.get(row.id())) : view);
        }
        return views;
    }

    static AmendmentView.OrganizationRef ref(OrganizationView o) {
        return o == null ? null : new AmendmentView.OrganizationRef(o.id(), o.name(), o.type().name(),
                o.regionalGroup() == null ? null : o.regionalGroup().name(), o.verified());
    }

    static AmendmentSupports supports(List<SupportRow> rows, Map<String, OrganizationView> orgs) {
        if (rows.isEmpty()) {
            return AmendmentSupports.none();
        }
        Map<String, Integer> byGroup = new TreeMap<>();
        Map<String, Integer> byRegion = new TreeMap<>();
        List<AmendmentSupports.Supporter> supporters = new ArrayList<>();
        for (SupportRow row : rows) {
            var o = orgs.get(row.organizationId());
            String group = o == null ? null : o.type().name();
            String region = o == null || o.regionalGroup() == null ? null : o.regionalGroup().name();
            if (group != null) {
                byGroup.merge(group, 1, Integer::sum);
            }
            if (region != null) {
                byRegion.merge(region, 1, Integer::sum);
            }
            supporters.add(new AmendmentSupports.Supporter(row.organizationId(), o == null ? "(unknown)" : o.name(),
                    group, region, o != null && o.verified(), row.supportedAt()));
        }
        return new AmendmentSupports(rows.size(), byGroup, byRegion, supporters);
    }

    /** The disposition as shown, or null. */
    public static DispositionView disposition(DispositionRow row) {
        if (row == null) {
            return null;
        }
        String label;
        if (row.inputKind().equals(KIND)) {
            label = DispositionDecision.valueOf(row.decision()).label();
        } else {
            label = DispositionResponse.valueOf(row.decision()).label();
        }
        return new DispositionView(row.decision(), label, row.reason(), row.mergedInto(), row.decidedAt(),
                row.publishedAt());
    }

    /** Organisations by id, for callers that name supporters. */
    public Map<String, OrganizationView> organizations(Collection<String> ids) {
        return organizations.find(ids);
    }
}
