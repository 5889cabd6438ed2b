package org.polylogue.drafting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polylogue.drafting.Block;
import org.polylogue.drafting.ChangeKind;
import org.polylogue.drafting.VersionDetail;
import org.polylogue.drafting.VersionDiff;
import org.springframework.stereotype.Component;

/** Reads versions with their alignment, and compares two versions. */
@Component
public class VersionReads {

    private final DocumentRepository repository;

    VersionReads(DocumentRepository repository) {
        this.repository = repository;
    }

    /** A version with how it came from the previous one; a draft only when {@code withDraft}. */
    public Optional<VersionDetail> detail(String documentId, int number, boolean withDraft) {
        var row = repository.versionRow(documentId, number);
        if (row.isEmpty() || (!withDraft && row.get().status() != org.polylogue.drafting.VersionStatus.PUBLISHED)) {
            return Optional.empty();
        }
        var blocks = repository.blockRows(documentId, number, true);
        List<Block> previous = number > 1 ? repository.blockRows(documentId, number - 1, true).stream()
                .map(DocumentRepository.BlockRow::block).filter(b -> !b.isHeading()).toList() : List.of();
        Map<String, Block> previousById = new HashMap<>();
        previous.forEach(b -> previousById.put(b.paragraphId(), b));
        Map<String, List<Block>> mergedInto = new HashMap<>();
        for (String[] merge : repository.merges(row.get().id())) {
            var merged = previousById.get(merge[1]);
            if (merged != null) {
                mergedInto.computeIfAbsent(merge[0], k -> new ArrayList<>()).add(merged);
            }
        }
        mergedInto.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(Block::number)));
        Set<String> accounted = new HashSet<>();
        List<VersionDetail.Entry> entries = new ArrayList<>();
        for (var block : blocks) {
            if (block.block().isHeading()) {
                entries.add(new VersionDetail.Entry(block.block(), null, null, List.of()));
                continue;
            }
            Block before = block.previousParagraphId() == null ? null : previousById.get(block.previousParagraphId());
            var merged = mergedInto.getOrDefault(block.block().paragraphId(), List.of());
            if (before != null) {
                accounted.add(before.paragraphId());
            }
            merged.forEach(m -> accounted.add(m.paragraphId()));
            ChangeKind change = block.change() == null ? ChangeKind.NEW : block.change();
            entries.add(new VersionDetail.Entry(block.block(), change, before, merged));
        }
        List<Block> removed = previous.stream().filter(b -> !accounted.contains(b.paragraphId())).toList();
        var r = row.get();
        return Optional.of(new VersionDetail(documentId, number, r.status(), r.format(), r.createdAt(),
                r.publishedAt(), entries, removed));
    }

    /**
     * Compares two published versions by stable paragraph id. Between neighbouring versions the
     * stored alignment names splits and merges; across several versions a paragraph is kept, new
     * or removed, and moved when it left the order of the others.
     */
    public Optional<VersionDiff> diff(String documentId, int from, int to) {
        var fromRows = repository.blockRows(documentId, from, false);
        var toDetail = detail(documentId, to, false);
        if (fromRows.isEmpty() || toDetail.isEmpty()) {
            return Optional.empty();
        }
        List<Block> before = fromRows.stream().map(DocumentRepository.BlockRow::block).filter(b -> !b.isHeading())
                .toList();
        Map<String, Block> beforeById = new LinkedHashMap<>();
        before.forEach(b -> beforeById.put(b.paragraphId(), b));
        boolean neighbours = to == from + 1;
        var entries = toDetail.get().entries();
        // which kept paragraphs stayed in order (longest increasing run of their old numbers)
        List<VersionDetail.Entry> paragraphs = entries.stream().filter(e -> !e.block().isHeading()).toList();
        int[] oldIndex = new int[paragraphs.size()];
        boolean[] keeps = new boolean[paragraphs.size()];
        for (int j = 0; j < paragraphs.size(); j++) {
            Block old = beforeById.get(paragraphs.get(j).block().paragraphId());
            oldIndex[j] = old == null ? -1 : old.number();
            keeps[j] = old != null;
        }
        boolean[] inOrder = ParagraphAligner.inOrder(oldIndex, keeps);

        Set<String> shown = new HashSet<>();
        List<VersionDiff.Row> rows = new ArrayList<>();
        Map<Integer, List<VersionDiff.Row>> removedAfter = new HashMap<>();
        int j = 0;
        for (var entry : entries) {
            Block after = entry.block();
            if (after.isHeading()) {
                rows.add(new VersionDiff.Row(null, null, after, List.of(), null));
                continue;
            }
            Block old = beforeById.get(after.paragraphId());
            ChangeKind change;
            String note = null;
            if (old != null) {
                shown.add(old.paragraphId());
                boolean same = ParagraphAligner.normalise(old.text()).equals(ParagraphAligner.normalise(after.text()));
                if (!inOrder[j] && old.number() != after.number()) {
                    change = ChangeKind.MOVED;
                    note = "moved from ¶" + old.number();
                } else {
                    change = same ? ChangeKind.UNCHANGED : ChangeKind.EDITED;
                }
                if (neighbours && entry.change() == ChangeKind.SPLIT) {
                    change = ChangeKind.SPLIT;
                    note = "¶" + old.number() + " split; this part keeps its place";
                }
                if (neighbours && entry.change() == ChangeKind.MERGED) {
                    change = ChangeKind.MERGED;
                    note = "merges ¶" + old.number() + mergedList(entry.merged());
                    entry.merged().forEach(m -> shown.add(m.paragraphId()));
                }
            } else if (neighbours && entry.change() == ChangeKind.SPLIT && entry.previous() != null) {
                change = ChangeKind.SPLIT;
                note = "split from ¶" + entry.previous().number();
            } else {
                change = ChangeKind.NEW;
            }
            String oldText = old == null ? null : old.text();
            if (change == ChangeKind.MERGED) {
                var all = new StringBuilder(old.text());
                entry.merged().forEach(m -> all.append(' ').append(m.text()));
                oldText = all.toString();
            }
            rows.add(new VersionDiff.Row(change, old, after, Redline.of(oldText, after.text()), note));
            j++;
        }
        // removed paragraphs: after the row of the nearest earlier old paragraph that is still shown
        List<VersionDiff.Row> result = new ArrayList<>();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int k = 0; k < rows.size(); k++) {
            var row = rows.get(k);
            if (row.before() != null) {
                rowOf.put(row.before().paragraphId(), k);
            }
        }
        int anchor = -1;
        for (Block old : before) {
            if (rowOf.containsKey(old.paragraphId())) {
                anchor = rowOf.get(old.paragraphId());
            } else if (!shown.contains(old.paragraphId())) {
                String note = mergedNote(old, entries, neighbours);
                removedAfter.computeIfAbsent(anchor, k -> new ArrayList<>()).add(new VersionDiff.Row(
                        note == null ? ChangeKind.DELETED : ChangeKind.MERGED, old, null,
                        Redline.of(old.text(), null), note == null ? "removed" : note));
            }
        }
        result.addAll(removedAfter.getOrDefault(-1, List.of()));
        for (int k = 0; k < rows.size(); k++) {
            result.add(rows.get(k));
            result.addAll(removedAfter.getOrDefault(k, List.of()));
        }
        return Optional.of(new VersionDiff(from, to, result));
    }

    private static String mergedNote(Block old, List<VersionDetail.Entry> entries, boolean neighbours) {
        if (!neighbours) {
            return null;
        }
        for (var entry : entries) {
            if (entry.merged().stream().anyMatch(m -> m.paragraphId().equals(old.paragraphId()))) {
                return "merged into ¶" + entry.block().number();
            }
        }
        return null;
    }

    private static String mergedList(List<Block> merged) {
        var text = new StringBuilder();
        for (int k = 0; k < merged.size(); k++) {
            text.append(k == merged.size() - 1 ? " and ¶" : ", ¶").append(merged.get(k).number());
        }
        return text.toString();
    }
}
