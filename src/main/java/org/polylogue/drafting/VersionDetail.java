package org.polylogue.drafting;

import java.time.Instant;
import java.util.List;

/**
 * One version with how each paragraph came from the previous version.
 *
 * @param entries the blocks in reading order; headings have a null change
 * @param removed paragraphs of the previous version that are gone (deleted; not kept, split or merged)
 */
public record VersionDetail(String documentId, int number, VersionStatus status, String format, Instant createdAt,
        Instant publishedAt, List<Entry> entries, List<Block> removed) {

    public VersionDetail {
        entries = List.copyOf(entries);
        removed = List.copyOf(removed);
    }

    /**
     * A block and its change. {@code previous} is the paragraph of the previous version whose id it
     * keeps, or that it was split from; null for version 1, headings and new paragraphs.
     * {@code merged} are the other paragraphs of the previous version merged into it.
     */
    public record Entry(Block block, ChangeKind change, Block previous, List<Block> merged) {
        public Entry {
            merged = List.copyOf(merged);
        }

        public boolean keepsId() {
            return previous != null && previous.paragraphId().equals(block.paragraphId());
        }
    }

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }

    public List<Entry> paragraphs() {
        return entries.stream().filter(e -> !e.block().isHeading()).toList();
    }
}
