package org.polylogue.statement.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.polylogue.moderation.Moderation;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;
import org.polylogue.stakeholder.MemberRole;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.statement.JointStatements;
import org.polylogue.statement.internal.StatementRepository.StatementRow;
import org.springframework.stereotype.Component;

/**
 * Joint statements as search finds them: title and text, under the lead organisation. A draft is
 * found only by the representatives of its lead organisation (as they were when it was last
 * indexed); once signing opens, by everyone. Hidden statements are left out.
 */
@Component
class StatementSearchSource implements SearchSource {

    private static final int BATCH = 500;

    private final StatementRepository statements;
    private final Organizations organizations;
    private final Moderation moderation;

    StatementSearchSource(StatementRepository statements, Organizations organizations, Moderation moderation) {
        this.statements = statements;
        this.organizations = organizations;
        this.moderation = moderation;
    }

    @Override
    public String kind() {
        return JointStatements.KIND;
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        return statements.find(id).filter(row -> moderation.hidden(kind(), List.of(id)).isEmpty())
                .map(row -> documents(List.of(row)).getFirst());
    }

    @Override
    public void forEachDocument(Consumer<SearchDocument> sink) {
        String after = null;
        while (true) {
            var rows = statements.batchAfter(after, BATCH);
            if (rows.isEmpty()) {
                return;
            }
            Set<String> hidden = moderation.hidden(kind(), rows.stream().map(StatementRow::id).toList()).keySet();
            documents(rows.stream().filter(row -> !hidden.contains(row.id())).toList()).forEach(sink);
            after = rows.getLast().id();
        }
    }

    private List<SearchDocument> documents(List<StatementRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, OrganizationView> leads = organizations.find(rows.stream().map(StatementRow::leadOrganizationId)
                .distinct().toList());
        Map<String, Set<String>> representatives = new HashMap<>();
        return rows.stream().map(row -> {
            var lead = leads.get(row.leadOrganizationId());
            boolean draft = row.signingOpenedAt() == null;
            Set<String> visibleTo = draft ? representatives.computeIfAbsent(row.leadOrganizationId(),
                    org -> organizations.members(org).stream().filter(m -> m.role() == MemberRole.REPRESENTATIVE)
                            .map(m -> m.accountId()).collect(Collectors.toSet())) : Set.of();
            if (draft && visibleTo.isEmpty()) {
                // nobody may find a draft without representatives; an impossible account keeps it private
                visibleTo = Set.of("nobody");
            }
            return new SearchDocument(kind(), row.id(), row.title(),
                    row.title() + "\n\n" + StatementMarkdown.toPlainText(row.body()), "/statements/" + row.id(),
                    row.processId(), row.leadOrganizationId(), lead == null ? null : lead.type().name(),
                    lead == null || lead.regionalGroup() == null ? null : lead.regionalGroup().name(), null,
                    draft ? row.createdAt() : row.signingOpenedAt(), visibleTo);
        }).toList();
    }
}
