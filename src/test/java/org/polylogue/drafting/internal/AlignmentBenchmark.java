package org.polylogue.drafting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Aligns two 500-paragraph versions (about 12% of paragraphs edited, some moved, deleted and new)
 * and prints the median time over 31 runs after warm-up, and the regression set's precision and
 * recall. Run: {@code ./mvnw -B -o -q test-compile exec:java}-free, see docs/benchmarks.md.
 */
public final class AlignmentBenchmark {

    static final String[] RICH = AlignmentProperties.RICH;

    private AlignmentBenchmark() {}

    public static void main(String[] args) {
        var random = new Random(42);
        var old = AlignmentProperties.document(random, 500, RICH);
        var fresh = new ArrayList<String>();
        for (int i = 0; i < old.size(); i++) {
            String text = old.get(i).text();
            int roll = random.nextInt(100);
            if (roll < 12) {
                fresh.add(AlignmentProperties.edit(random, text, 0.2, RICH));
            } else if (roll < 14) {
                continue;
            } else if (roll < 16) {
                fresh.add(text);
                fresh.add(AlignmentProperties.sentence(random, 30, RICH));
            } else {
                fresh.add(text);
            }
        }
        for (int k = 0; k < 10; k++) {
            int from = random.nextInt(fresh.size());
            fresh.add(random.nextInt(fresh.size()), fresh.remove(from));
        }
        for (int i = 0; i < 20; i++) {
            ParagraphAligner.align(old, fresh);
        }
        // CPU time of this thread as well as wall time: the machine is shared with other builds
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] times = new long[31];
        long[] cpu = new long[31];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            ParagraphAligner.align(old, fresh);
            times[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        System.out.printf("500 vs %d paragraphs: wall median %.1f ms (min %.1f, max %.1f); CPU median %.1f ms%n",
                fresh.size(), times[15] / 1e6, times[0] / 1e6, times[30] / 1e6, cpu[15] / 1e6);
        var score = AlignmentRegressionTest.score();
        System.out.printf("regression set: %d paragraphs, %d right (%.1f%%), precision %.3f, recall %.3f, "
                + "unrelated %d, wrong %s%n", score.paragraphs(), score.right(),
                100.0 * score.right() / score.paragraphs(), score.precision(), score.recall(), score.unrelated(),
                score.wrong());
    }

    static List<String> texts(List<ParagraphAligner.OldParagraph> old) {
        return old.stream().map(ParagraphAligner.OldParagraph::text).toList();
    }
}
