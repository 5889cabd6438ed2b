package org.polylogue.contribution.internal;

import java.util.List;
import org.polylogue.moderation.Moderation;
import org.polylogue.process.Consultations;
import org.polylogue.stakeholder.OrganizationActivity;
import org.springframework.stereotype.Component;

/** An organisation's comments, for its page. */
@Component
class ContributionActivity implements OrganizationActivity {

    private final CommentRepository repository;
    private final Consultations consultations;
    private final Moderation moderation;

    ContributionActivity(CommentRepository repository, Consultations consultations, Moderation moderation) {
        this.repository = repository;
        this.consultations = consultations;
        this.moderation = moderation;
    }

    @Override
    public List<Item> recent(String organizationId, int limit) {
        var all = repository.byOrganization(organizationId, limit);
        var hidden = moderation.hidden(CommentModeration.KIND, all.stream().map(CommentRow::id).toList());
        var rows = all.stream().filter(row -> !hidden.containsKey(row.id())).toList();
        var byId = consultations.findAll(rows.stream().map(CommentRow::consultationId).distinct().toList());
        return rows.stream().map(row -> {
            var consultation = byId.get(row.consultationId());
            String title = consultation == null ? "a consultation" : consultation.title();
            String heading = (row.paragraphId() == null ? "Comment on the whole of " : "Comment on a paragraph of ") + title;
            String link = consultation == null ? "#" : "/consultations/" + consultation.slug()
                    + (row.paragraphId() == null ? "#comment-" + row.id()
                            : "/paragraphs/" + row.paragraphId() + "#comment-" + row.id());
            return new Item(heading, row.bodyHtml(), link, row.submittedAt());
        }).toList();
    }
}
