package org.polylogue.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polylogue.synthesis.internal.MinHash;
import org.polylogue.synthesis.internal.SynthesisEngine;
import org.polylogue.synthesis.internal.SynthesisSettings;
import org.polylogue.synthesis.internal.ThemeClustering;

/**
 * The quality targets on the labelled corpora, at test size (bench/synthesis.sh runs them bigger):
 * campaigns found with member-level precision at least 0.99 and recall at least 0.98, no two unique
 * comments merged; themes agreeing with the topics with an adjusted Rand index of at least 0.6.
 */
class SynthesisQualityTest {

    @Test
    void campaignsWithLightEditsAreFoundAndUniqueCommentsOnTheSameTopicsStayApart() {
        var corpus = LabelledCorpus.campaigns(24, 25, 600, 7);
        var engine = new SynthesisEngine(SynthesisSettings.defaults());
        List<long[]> signatures = corpus.stream().map(l -> engine.minHash().signature(l.text())).toList();
        var groups = engine.campaigns(signatures);
        var scores = Quality.campaigns(corpus.stream().map(LabelledCorpus.Labelled::label).toList(), groups);
        assertThat(scores.precision()).as("precision").isGreaterThanOrEqualTo(0.99);
        assertThat(scores.recall()).as("recall").isGreaterThanOrEqualTo(0.98);
        assertThat(scores.uniquesMerged()).as("unique comments put in a campaign").isZero();
    }

    @Test
    void themesFollowTheTopicsAcrossThreeLanguages() {
        var corpus = LabelledCorpus.themes(1_000, 11);
        var themes = new ThemeClustering(12, 20261130L).cluster(corpus.stream().map(LabelledCorpus.Labelled::text).toList());
        int[] truth = corpus.stream().mapToInt(LabelledCorpus.Labelled::label).toArray();
        double ari = Quality.adjustedRand(truth, themes.assignment());
        System.out.println("themes: k=" + themes.count() + " ARI=" + ari + " labels=" + themes.labels());
        assertThat(ari).isGreaterThanOrEqualTo(0.6);
        assertThat(themes.count()).isBetween(6, 12);
    }

    @Test
    void adjustedRandIndexIsOneForTheSamePartitionAndNearZeroForChance() {
        assertThat(Quality.adjustedRand(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, 9})).isEqualTo(1.0);
        assertThat(Quality.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isLessThan(0.01);
    }

    @Test
    void minHashEstimatesJaccardSimilarity() {
        var minHash = new MinHash(128, 3, 1);
        String a = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
        String b = a.replace("seven", "SEVEN-X");
        double estimate = MinHash.similarity(minHash.signature(a), minHash.signature(b));
        // 12 shingles each, 3 differ: Jaccard 9/15 = 0.6
        assertThat(estimate).isBetween(0.45, 0.75);
        assertThat(MinHash.similarity(minHash.signature(a), minHash.signature(a.toUpperCase()))).isEqualTo(1.0);
        assertThat(MinHash.similarity(minHash.signature("😀😀🎉"), minHash.signature("😀😀🎉"))).isEqualTo(1.0);
        assertThat(MinHash.similarity(minHash.signature("😀😀🎉"), minHash.signature("🔥"))).isLessThan(0.1);
        assertThat(MinHash.fromBytes(MinHash.toBytes(minHash.signature(a)))).isEqualTo(minHash.signature(a));
    }
}
