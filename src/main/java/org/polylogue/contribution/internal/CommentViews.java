package org.polylogue.contribution.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.polylogue.account.Accounts;
import org.polylogue.contribution.CommentView;
import org.polylogue.drafting.Block;
import org.polylogue.moderation.Moderation;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.springframework.stereotype.Component;

/** Turns stored rows into views, looking up all names in two queries whatever the number of rows. */
@Component
public class CommentViews {

    private final Accounts accounts;
    private final Organizations organizations;
    private final Moderation moderation;

    CommentViews(Accounts accounts, Organizations organizations, Moderation moderation) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.moderation = moderation;
    }

    /**
     * Views for everyone: authors under their public names.
     *
     * @param paragraphs the current version's paragraphs by id (for numbers); may be empty
     */
    public List<CommentView> views(List<CommentRow> rows, Map<String, Block> paragraphs) {
        return views(rows, paragraphs, false);
    }

    /**
     * @param withIdentities whether to add the verified identity behind pseudonyms: only ever for
     *     the secretariat of the comments' process
     */
    public List<CommentView> views(List<CommentRow> rows, Map<String, Block> paragraphs, boolean withIdentities) {
        Set<String> accountIds = new HashSet<>();
        Set<String> organizationIds = new HashSet<>();
        for (var row : rows) {
            if (row.authorAccountId() != null) {
                accountIds.add(row.authorAccountId());
            }
            if (row.organizationId() != null) {
                organizationIds.add(row.organizationId());
            }
        }
        Map<String, String> names = accounts.publicNames(accountIds);
        Map<String, OrganizationView> orgs = organizations.find(organizationIds);
        var views = rows.stream().map(row -> view(row, names, orgs, paragraphs));
        if (withIdentities) {
            var identities = accounts.identitiesBehindPseudonyms(accountIds);
            Map<String, String> authors = new java.util.HashMap<>();
            rows.forEach(row -> {
                if (row.authorAccountId() != null) {
                    authors.put(row.id(), row.authorAccountId());
                }
            });
            views = views.map(view -> {
                var identity = identities.get(authors.get(view.id()));
                return identity == null ? view
                        : view.withAuthorIdentity(new CommentView.AuthorIdentity(identity.displayName(),
                                identity.emailVerified()));
            });
        }
        var hidden = moderation.hidden(CommentModeration.KIND, rows.stream().map(CommentRow::id).toList());
        if (!hidden.isEmpty()) {
            views = views.map(view -> hidden.containsKey(view.id()) ? view.withHidden(hidden.get(view.id())) : view);
        }
        return views.toList();
    }

    /** One view from names already known. */
    public static CommentView view(CommentRow row, Map<String, String> names, Map<String, OrganizationView> orgs,
            Map<String, Block> paragraphs) {
        String author = row.authorAccountId() == null ? row.authorName()
                : names.getOrDefault(row.authorAccountId(), "(unknown)");
        CommentView.OrganizationRef organization = null;
        if (row.organizationId() != null) {
            var org = orgs.get(row.organizationId());
            organization = new CommentView.OrganizationRef(row.organizationId(),
                    org == null ? "(unknown organisation)" : org.name(), row.stakeholderGroup(), row.country(),
                    org != null && org.verified());
        } else if (row.organizationName() != null || row.stakeholderGroup() != null || row.country() != null) {
            organization = new CommentView.OrganizationRef(null, row.organizationName(), row.stakeholderGroup(),
                    row.country(), false);
        }
        Block paragraph = row.paragraphId() == null ? null : paragraphs.get(row.paragraphId());
        return new CommentView(row.id(), row.consultationId(), row.paragraphId(),
                paragraph == null ? null : paragraph.number(), row.version(), row.body(), row.bodyHtml(),
                Objects.requireNonNullElse(author, "(anonymous)"), organization, row.source(), row.submittedAt(),
                row.editedAt(), null, null);
    }
}
