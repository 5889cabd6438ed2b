package org.polylogue.contribution.web;

import java.util.List;
import org.polylogue.drafting.Block;
import org.polylogue.process.ConsultationView;

/** What the consultation page shows: the draft, each paragraph's comment count and first comments. */
public record ConsultationPage(ConsultationView consultation, int version, List<Entry> entries,
        List<CommentPreview> documentComments, int documentCommentCount, int totalComments,
        java.util.Map<String, Integer> amendmentCounts) {

    /** How many amendments a paragraph has (the amendment module counts them). */
    public int amendments(String paragraphId) {
        return amendmentCounts.getOrDefault(paragraphId, 0);
    }

    /** A block of the draft with its comment count and first comments (none for headings). */
    public record Entry(Block block, int commentCount, List<CommentPreview> firstComments) {

        /** Whether the page shows every comment of the paragraph whole, so that no link to more is needed. */
        public boolean showsAll() {
            return ConsultationPage.showsAll(commentCount, firstComments);
        }
    }

    public boolean showsAllDocumentComments() {
        return showsAll(documentCommentCount, documentComments);
    }

    private static boolean showsAll(int count, List<CommentPreview> shown) {
        return count <= shown.size() && shown.stream().allMatch(CommentPreview::whole);
    }
}
