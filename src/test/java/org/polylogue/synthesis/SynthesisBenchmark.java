package org.polylogue.synthesis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.polylogue.synthesis.internal.BenchDatabase;
import org.polylogue.synthesis.internal.LshGrouping;
import org.polylogue.synthesis.internal.SynthesisEngine;
import org.polylogue.synthesis.internal.SynthesisSettings;
import org.polylogue.synthesis.internal.ThemeClustering;

/**
 * In-process benchmark of synthesis over generated texts (bench/synthesis.sh runs it):
 * {@code campaigns N} (detection over N comments, texts generated and hashed as a stream),
 * {@code full N} (the whole engine on N comments, 80 % in campaigns), {@code incremental N}
 * (after a full run: the whole engine again after 100 new comments with stored signatures, as
 * before incremental runs existed, then the incremental path with its database reads and writes on an
 * embedded PostgreSQL, five batches of 100), {@code quality N}
 * (campaign precision/recall and themes ARI on bigger labelled corpora).
 */
public final class SynthesisBenchmark {

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "full";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        switch (mode) {
            case "campaigns" -> campaigns(n);
            case "full" -> full(n, false);
            case "incremental" -> full(n, true);
            case "quality" -> quality(n);
            default -> throw new IllegalArgumentException(mode);
        }
    }

    /** Texts: 80 % members of campaigns of ~2,000 (light edits), 20 % unique comments. */
    static String text(int i, int n, SplittableRandom random) {
        int inCampaigns = n * 4 / 5;
        if (i < inCampaigns) {
            int campaign = i % Math.max(1, inCampaigns / 2_000);
            return LabelledCorpus.edit(random, LabelledCorpus.letter(new SplittableRandom(campaign), campaign));
        }
        return LabelledCorpus.comment(random, random.nextInt(8), random.nextInt(3)) + " " + i;
    }

    static void campaigns(int n) {
        var engine = new SynthesisEngine(SynthesisSettings.defaults());
        var random = new SplittableRandom(1);
        List<long[]> signatures = new ArrayList<>(n);
        long generating = 0;
        long hashing = 0;
        String[] batch = new String[10_000];
        for (int from = 0; from < n; from += batch.length) {
            int size = Math.min(batch.length, n - from);
            long t0 = System.nanoTime();
            for (int j = 0; j < size; j++) {
                batch[j] = text(from + j, n, random);
            }
            long t1 = System.nanoTime();
            long[][] hashed = new long[size][];
            java.util.stream.IntStream.range(0, size).parallel()
                    .forEach(j -> hashed[j] = engine.minHash().signature(batch[j]));
            signatures.addAll(java.util.Arrays.asList(hashed));
            hashing += System.nanoTime() - t1;
            generating += t1 - t0;
        }
        long start = System.nanoTime() - hashing;
        long hashed = System.nanoTime();
        System.out.printf("generating the texts (not part of detection): %.1f s%n", generating / 1e9);
        var grouping = new LshGrouping(SynthesisEngine.SIGNATURE_SIZE, 32, 0.5);
        grouping.addAll(signatures);
        var groups = grouping.groups(3);
        long end = System.nanoTime();
        long members = groups.stream().mapToLong(g -> g.length).sum();
        var runtime = Runtime.getRuntime();
        System.out.printf("campaigns n=%d: generate+hash %.1f s, LSH+union-find %.1f s, total %.1f s; %d campaigns, "
                + "%d members, %d comparisons; heap used %d MB of max %d MB%n", n, (hashed - start) / 1e9,
                (end - hashed) / 1e9, (end - start) / 1e9, groups.size(), members, grouping.comparisons(),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    static List<Input> inputs(int n, int offset) {
        var random = new SplittableRandom(2 + offset);
        String[] groups = {"MEMBER_STATE", "CIVIL_SOCIETY", "PRIVATE_SECTOR", "ACADEMIA", "TECHNICAL_COMMUNITY", null};
        List<Input> inputs = new ArrayList<>(n);
        Instant start = Instant.parse("2026-11-30T00:00:00Z");
        for (int i = 0; i < n; i++) {
            inputs.add(new Input("comment", "c" + (offset + i), text(i, n, random), "p" + (i % 20), null, null,
                    groups[i % groups.length], null, "KE", start.plusSeconds(offset + i), null));
        }
        return inputs;
    }

    static void full(int n, boolean incremental) {
        var engine = new SynthesisEngine(SynthesisSettings.defaults());
        Map<String, Integer> paragraphs = new HashMap<>();
        for (int p = 0; p < 20; p++) {
            paragraphs.put("p" + p, p + 1);
        }
        var inputs = inputs(n, 0);
        long start = System.nanoTime();
        SynthesisEngine.Progress steps = (percent, message) -> {
            if (!message.startsWith("Comparing texts:")) {
                System.out.printf("  %5.1f s  %d %% %s%n", (System.nanoTime() - start) / 1e9, percent, message);
            }
        };
        var outcome = engine.run("bench", inputs, Map.of(), paragraphs, steps, Instant.now());
        long end = System.nanoTime();
        System.out.printf("full n=%d: %.1f s; %d campaigns, %d themes, %d distinct voices%n", n, (end - start) / 1e9,
                outcome.digest().campaigns().size(), outcome.digest().themes().size(),
                outcome.digest().distinctVoices());
        if (incremental) {
            incremental(engine, inputs, outcome, paragraphs, n);
        }
    }

    /** 100 new comments: 80 join a campaign, 20 are unique (with different ids and text from batch to batch). */
    static List<Input> newComments(int n, int batch) {
        return inputs(100, n + 100 * batch).stream().map(i -> new Input(i.kind(), "new" + batch + "-" + i.id(),
                i.text() + " new " + batch, i.paragraphId(), null, null, i.group(), null, i.country(),
                i.at().plusSeconds(1_000_000L), null)).toList();
    }

    /**
     * Before: the whole engine again with stored signatures (what an update did until the
     * incremental path existed). After: the incremental path with the database, five batches of
     * 100 new comments one after the other: reading the stored state (input states, theme model,
     * previous digest), computing, and writing what changed in one transaction. Reading the inputs
     * themselves (InputReader, the same for both) is not measured.
     */
    static void incremental(SynthesisEngine engine, List<Input> inputs, SynthesisEngine.Outcome outcome,
            Map<String, Integer> paragraphs, int n) {
        var more = new ArrayList<>(inputs);
        more.addAll(newComments(n, 0));
        long again = System.nanoTime();
        var rerun = engine.run("bench", more, outcome.computed(), paragraphs, SynthesisEngine.Progress.NONE,
                Instant.now());
        long done = System.nanoTime();
        System.out.printf("before (whole engine again, stored signatures reused) n=%d+100: %.1f s (%d signatures "
                + "computed); %d campaigns, %d themes%n", n, (done - again) / 1e9, rerun.computed().size(),
                rerun.digest().campaigns().size(), rerun.digest().themes().size());
        var wholeAgain = campaignsOf(rerun);
        var firstRun = campaignsOf(outcome);
        rerun = null; // not kept on the heap while the updates run
        try (var db = new BenchDatabase()) {
            long s0 = System.nanoTime();
            db.save(outcome, null);
            System.out.printf("storing the full analysis (part of a full run, not of the update): %.1f s%n",
                    (System.nanoTime() - s0) / 1e9);
            var current = new ArrayList<>(inputs);
            List<Double> totals = new ArrayList<>();
            for (int batch = 0; batch < 5; batch++) {
                current.addAll(newComments(n, batch));
                long t0 = System.nanoTime();
                if (batch == 0) {
                    db.states().forget(); // the first update reads its state from the database
                }
                var previous = db.states().load("bench");
                long t1 = System.nanoTime();
                SynthesisEngine.Progress steps = (percent, message) -> System.out.printf("  %5.2f s  %d %% %s%n",
                        (System.nanoTime() - t1) / 1e9, percent, message);
                var update = engine.incremental("bench", current, previous,
                        keys -> db.digests().signatures("bench", keys), paragraphs, steps, Instant.now());
                long t2 = System.nanoTime();
                db.save(update, previous);
                long t3 = System.nanoTime();
                totals.add((t3 - t0) / 1e9);
                System.out.printf("after, batch %d (n=%d+100): read state (%s) %.2f s, compute %.2f s, write %.2f s, "
                        + "total %.2f s; %d signatures computed, %d input states and %d member rows written; "
                        + "%d campaigns, %d themes%n", batch + 1, current.size() - 100,
                        batch == 0 ? "from the database" : "memory copy, checked against the database", (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9, update.computed().size(),
                        update.states().size(), update.changedMembers().size(), update.digest().campaigns().size(),
                        update.digest().themes().size());
                if (batch == 0) {
                    var mine = campaignsOf(update);
                    var theirs = wholeAgain;
                    System.out.printf("same campaigns (ids and sizes) as the whole engine again: %b%n",
                            mine.equals(theirs));
                    if (!mine.equals(theirs)) {
                        var onlyMine = new java.util.TreeSet<>(mine);
                        onlyMine.removeAll(theirs);
                        var onlyTheirs = new java.util.TreeSet<>(theirs);
                        onlyTheirs.removeAll(mine);
                        System.out.printf("  only in the update: %s%n  only in the whole run: %s%n", onlyMine,
                                onlyTheirs);
                        System.out.printf("  in the first full run: %s%n", firstRun.stream()
                                .filter(c -> onlyMine.stream().anyMatch(m -> m.startsWith(c.substring(0, c.indexOf('/'))
                                        + "/"))).toList());
                    }
                }
            }
            totals.sort(null);
            System.out.printf("incremental update after 100 new comments, median of 5 batches: %.2f s (all: %s)%n",
                    totals.get(2), totals);
        }
    }

    static java.util.Set<String> campaignsOf(SynthesisEngine.Outcome outcome) {
        return outcome.digest().campaigns().stream().map(c -> c.id() + "/" + c.size())
                .collect(java.util.stream.Collectors.toSet());
    }

    static void quality(int n) {
        var corpus = LabelledCorpus.campaigns(n / 50, 40, n / 5, 7);
        var engine = new SynthesisEngine(SynthesisSettings.defaults());
        var groups = engine.campaigns(corpus.stream().map(l -> engine.minHash().signature(l.text())).toList());
        var scores = Quality.campaigns(corpus.stream().map(LabelledCorpus.Labelled::label).toList(), groups);
        System.out.printf("campaign quality: %d texts (%d campaigns of 40, %d unique): precision %.4f, recall %.4f, "
                + "unique comments merged %d%n", corpus.size(), n / 50, n / 5, scores.precision(), scores.recall(),
                scores.uniquesMerged());
        for (long seed : new long[] {11, 12, 13}) {
            var themes = LabelledCorpus.themes(n, seed);
            long start = System.nanoTime();
            var result = new ThemeClustering(12, 20261130L).cluster(themes.stream().map(LabelledCorpus.Labelled::text)
                    .toList());
            double ari = Quality.adjustedRand(themes.stream().mapToInt(LabelledCorpus.Labelled::label).toArray(),
                    result.assignment());
            System.out.printf("themes quality: %d texts, 8 topics, 3 languages, seed %d: k=%d, ARI %.3f (%.1f s)%n", n,
                    seed, result.count(), ari, (System.nanoTime() - start) / 1e9);
        }
    }
}
