package org.polylogue.synthesis.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Input;

/** What a group of near-duplicates looks like: its most central member, the variations, the arrivals. */
final class CampaignAnalysis {

    static final int CENTRALITY_SAMPLE = 200;
    private static final int VARIATION_SAMPLE = 5_000;
    private static final int BURST = 3;

    private CampaignAnalysis() {}

    /** The index (into {@code members}) of the member with the highest mean estimated similarity to the others. */
    static int representative(int[] members, List<long[]> signatures) {
        int[] sample = evenly(members, CENTRALITY_SAMPLE);
        int best = 0;
        double bestMean = -1;
        for (int i = 0; i < sample.length; i++) {
            double sum = 0;
            for (int j = 0; j < sample.length; j++) {
                if (i != j) {
                    sum += MinHash.similarity(signatures.get(sample[i]), signatures.get(sample[j]));
                }
            }
            if (sum > bestMean) {
                bestMean = sum;
                best = sample[i];
            }
        }
        return best;
    }

    static Digest.Campaign describe(String id, int[] members, int representative, List<Input> inputs) {
        Input rep = inputs.get(representative);
        Set<String> repSentences = new HashSet<>();
        for (String s : TextNormalizer.sentences(rep.text())) {
            repSentences.add(TextNormalizer.sentenceKey(s));
        }
        String repKey = String.join(" ", TextNormalizer.tokens(rep.text()));
        int[] sample = evenly(members, VARIATION_SAMPLE);
        Map<String, String> firstForm = new LinkedHashMap<>();
        Map<String, Integer> variationCounts = new HashMap<>();
        int identical = 0;
        for (int m : sample) {
            String text = inputs.get(m).text();
            if (String.join(" ", TextNormalizer.tokens(text)).equals(repKey)) {
                identical++;
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (String s : TextNormalizer.sentences(text)) {
                String key = TextNormalizer.sentenceKey(s);
                if (!key.isEmpty() && !repSentences.contains(key) && seen.add(key)) {
                    firstForm.putIfAbsent(key, s.length() > 300 ? s.substring(0, 300) + "…" : s);
                    variationCounts.merge(key, 1, Integer::sum);
                }
            }
        }
        List<Digest.Variation> variations = variationCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(12).map(e -> new Digest.Variation(firstForm.get(e.getKey()), e.getValue())).toList();
        if (sample.length < members.length) {
            identical = (int) Math.round((double) identical * members.length / sample.length);
        }
        Set<String> organisations = new HashSet<>();
        Set<String> countries = new TreeSet<>();
        TreeMap<Instant, Integer> minutes = new TreeMap<>();
        Map<Instant, Integer> seconds = new HashMap<>();
        for (int m : members) {
            Input input = inputs.get(m);
            if (input.organizationId() != null) {
                organisations.add(input.organizationId());
            } else if (input.organizationName() != null) {
                organisations.add("name:" + input.organizationName());
            }
            if (input.country() != null) {
                countries.add(input.country());
            }
            if (input.at() != null) {
                minutes.merge(input.at().truncatedTo(ChronoUnit.MINUTES), 1, Integer::sum);
                seconds.merge(input.at().truncatedTo(ChronoUnit.SECONDS), 1, Integer::sum);
            }
        }
        List<Digest.TimeCount> arrivals = new ArrayList<>();
        minutes.forEach((minute, count) -> arrivals.add(new Digest.TimeCount(minute, count)));
        List<Digest.TimeCount> bursts = seconds.entrySet().stream().filter(e -> e.getValue() >= BURST)
                .sorted(Map.Entry.comparingByKey()).map(e -> new Digest.TimeCount(e.getKey(), e.getValue())).toList();
        return new Digest.Campaign(id, members.length, rep.kind(), rep.id(), rep.text(), organisations.size(),
                List.copyOf(countries), identical, variations, sample.length, arrivals, bursts, null);
    }

    static int[] evenly(int[] members, int limit) {
        if (members.length <= limit) {
            return members;
        }
        int[] sample = new int[limit];
        for (int i = 0; i < limit; i++) {
            sample[i] = members[(int) ((long) i * members.length / limit)];
        }
        return sample;
    }
}
