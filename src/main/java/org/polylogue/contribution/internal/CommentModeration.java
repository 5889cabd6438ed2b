package org.polylogue.contribution.internal;

import java.util.Optional;
import org.polylogue.moderation.ContentHidden;
import org.polylogue.moderation.ModeratedItem;
import org.polylogue.moderation.ModeratedKind;
import org.polylogue.process.Consultations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Comments as moderation sees them: their process is their consultation's, their author the person
 * who wrote them (none for imported comments). When one is hidden or shown again, the change count
 * of its consultation grows, so that the cached consultation page is rendered anew.
 */
@Component
public class CommentModeration implements ModeratedKind {

    public static final String KIND = "comment";

    private final CommentRepository comments;
    private final Consultations consultations;

    CommentModeration(CommentRepository comments, Consultations consultations) {
        this.comments = comments;
        this.consultations = consultations;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<ModeratedItem> find(String id) {
        return comments.findById(id).flatMap(row -> consultations.findById(row.consultationId()).map(c -> {
            String where = row.paragraphId() == null ? "the whole document" : "a paragraph";
            String title = "Comment on " + where + " of " + c.title();
            return new ModeratedItem(KIND, row.id(), c.processId(), row.authorAccountId(), title,
                    excerpt(CommentMarkdown.toPlainText(row.body())),
                    "/consultations/" + c.slug() + "/comments/" + row.id());
        }));
    }

    /** Runs in the transaction that hid or restored the comment, so the change commits with it. */
    @EventListener
    void onHidden(ContentHidden event) {
        if (KIND.equals(event.kind())) {
            comments.findById(event.id()).ifPresent(row -> comments.recordChange(row.consultationId()));
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }
}
