package org.polylogue.drafting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.polylogue.drafting.ChangeKind;

/**
 * The hand-built redrafts under {@code src/test/resources/drafting/alignment}: realistic cyber-policy
 * paragraphs (norms, confidence-building measures, capacity-building, a chair's summary) edited,
 * moved, split, merged, renumbered, deleted and added. Each case file names for every new paragraph
 * the old paragraph whose id it must keep ({@code [c]}), or that it is new ({@code [+]}), a further
 * part of a split ({@code [c~]}) or a merge keeping one id ({@code [d<e]}). At least 95% of
 * paragraphs get the right id, and none gets the id of a paragraph it does not come from.
 */
class AlignmentRegressionTest {

    static final List<String> CASES = List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11",
            "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23");
    private static final Pattern LINE = Pattern.compile("^\\[([a-z+])([~<]?)([a-z]*)] (.*)$");

    record Expected(String keeps, Set<String> sources, ChangeKind kind) {}

    record Case(String name, List<ParagraphAligner.OldParagraph> old, List<String> fresh, List<Expected> expected) {}

    /** Counts over every case: right ids, ids given, ids expected, ids of unrelated paragraphs. */
    record Score(int paragraphs, int right, int given, int expected, int keptRight, int unrelated, List<String> wrong) {
        double precision() {
            return given == 0 ? 1 : (double) keptRight / given;
        }

        double recall() {
            return expected == 0 ? 1 : (double) keptRight / expected;
        }
    }

    @Test
    void atLeastNinetyFivePercentOfParagraphsKeepTheRightIdAndNoneGetsAnUnrelatedOne() {
        var score = score();
        assertThat(score.paragraphs()).isGreaterThan(150);
        assertThat(score.unrelated()).as("unrelated matches: " + score.wrong()).isZero();
        assertThat((double) score.right() / score.paragraphs()).as("share right; wrong: " + score.wrong())
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void splitsAndMergesAreLabelled() {
        var split = load("03");
        var result = ParagraphAligner.align(split.old(), split.fresh());
        assertThat(result.matches().get(5).change()).isEqualTo(ChangeKind.SPLIT);
        assertThat(result.matches().get(6).change()).isEqualTo(ChangeKind.SPLIT);
        assertThat(result.matches().get(6).keepsId()).isFalse();
        assertThat(result.deleted()).containsExactly(8);
        var merge = load("04");
        var merged = ParagraphAligner.align(merge.old(), merge.fresh());
        assertThat(merged.matches().get(3).change()).isEqualTo(ChangeKind.MERGED);
        assertThat(merged.matches().get(3).mergedIndexes()).containsExactly(4);
        assertThat(merged.deleted()).isEmpty();
        var moved = ParagraphAligner.align(load("02").old(), load("02").fresh());
        assertThat(moved.matches().getLast().change()).isEqualTo(ChangeKind.MOVED);
        assertThat(moved.matches().get(1).change()).isEqualTo(ChangeKind.NEW);
        assertThat(moved.matches().get(2).change()).isEqualTo(ChangeKind.UNCHANGED);
    }

    static Score score() {
        int paragraphs = 0;
        int right = 0;
        int given = 0;
        int expectedCount = 0;
        int keptRight = 0;
        int unrelated = 0;
        List<String> wrong = new ArrayList<>();
        for (String name : CASES) {
            var c = load(name);
            var alignment = ParagraphAligner.align(c.old(), c.fresh());
            for (int j = 0; j < c.fresh().size(); j++) {
                var match = alignment.matches().get(j);
                var expected = c.expected().get(j);
                String kept = match.keepsId() ? c.old().get(match.previousIndex()).id() : null;
                paragraphs++;
                if (expected.keeps() != null) {
                    expectedCount++;
                }
                if (kept != null) {
                    given++;
                    if (!expected.sources().contains(kept)) {
                        unrelated++;
                    }
                }
                if (java.util.Objects.equals(kept, expected.keeps())) {
                    right++;
                    if (kept != null) {
                        keptRight++;
                    }
                } else {
                    wrong.add(name + "#" + (j + 1) + " expected " + expected.keeps() + " got " + kept + " ("
                            + match.change() + ")");
                }
            }
        }
        return new Score(paragraphs, right, given, expectedCount, keptRight, unrelated, wrong);
    }

    static Case load(String name) {
        List<String> lines = read("case-" + name + ".txt");
        String base = lines.getFirst().substring("base: ".length()).strip();
        Map<String, String> old = new LinkedHashMap<>();
        for (String line : read("base-" + base + ".txt")) {
            var matcher = LINE.matcher(line);
            if (matcher.matches()) {
                old.put(matcher.group(1), matcher.group(4));
            }
        }
        List<String> fresh = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            var matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            String label = matcher.group(1);
            String mark = matcher.group(2);
            String text = matcher.group(4).equals("=") ? old.get(label) : matcher.group(4);
            fresh.add(text);
            if (label.equals("+")) {
                expected.add(new Expected(null, Set.of(), ChangeKind.NEW));
            } else if (mark.equals("~")) {
                expected.add(new Expected(null, Set.of(label), ChangeKind.SPLIT));
            } else if (mark.equals("<")) {
                var sources = new java.util.HashSet<String>();
                sources.add(label);
                for (char c : matcher.group(3).toCharArray()) {
                    sources.add(String.valueOf(c));
                }
                expected.add(new Expected(label, sources, ChangeKind.MERGED));
            } else {
                expected.add(new Expected(label, Set.of(label), null));
            }
        }
        var oldParagraphs = old.entrySet().stream()
                .map(e -> new ParagraphAligner.OldParagraph(e.getKey(), e.getValue())).toList();
        return new Case(name, oldParagraphs, fresh, expected);
    }

    private static List<String> read(String file) {
        try (var in = AlignmentRegressionTest.class.getResourceAsStream("/drafting/alignment/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
