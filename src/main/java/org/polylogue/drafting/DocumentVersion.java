package org.polylogue.drafting;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One version of a document: its number and blocks in reading order. */
public record DocumentVersion(String documentId, int number, List<Block> blocks) {

    public DocumentVersion {
        blocks = List.copyOf(blocks);
    }

    /** The numbered paragraphs only. */
    public List<Block> paragraphs() {
        return blocks.stream().filter(b -> b.kind() == Block.Kind.PARAGRAPH).toList();
    }

    /** Paragraphs by stable id. */
    public Map<String, Block> paragraphsById() {
        return paragraphs().stream().collect(Collectors.toMap(Block::paragraphId, Function.identity()));
    }
}
