package org.polylogue.contribution.web;

import java.util.List;
import org.polylogue.contribution.CommentView;
import org.polylogue.drafting.Block;
import org.polylogue.process.ConsultationView;

/** What the consultation page shows: the draft, each paragraph's comment count and first comments. */
public record ConsultationPage(ConsultationView consultation, int version, List<Entry> entries,
        List<CommentView> documentComments, int documentCommentCount, int totalComments) {

    /** A block of the draft with its comment count and first comments (none for headings). */
    public record Entry(Block block, int commentCount, List<CommentView> firstComments) {}
}
