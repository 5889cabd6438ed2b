package org.polylogue.synthesis.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Input;

/**
 * The bridging score of a point (see {@link Digest.Point}): agreement across stakeholder groups
 * rather than volume within one. Stances come from inputs that carry one (statement signatures
 * today; amendment supports and the position ledger add theirs as inputs with a stance).
 */
final class Bridging {

    static final double CONSENSUS = 0.5;

    private Bridging() {}

    static Digest.Point point(String subject, String id, String label, List<Voice> voices,
            Map<String, Integer> groupVoices) {
        Map<String, int[]> perGroup = new HashMap<>();
        for (Voice voice : voices) {
            for (String group : voice.groups) {
                int[] counts = perGroup.computeIfAbsent(group, g -> new int[3]);
                counts[0]++;
                if (voice.stance == Input.Stance.SUPPORT) {
                    counts[1]++;
                } else if (voice.stance == Input.Stance.AGAINST) {
                    counts[2]++;
                }
            }
        }
        List<Digest.GroupStance> groups = new ArrayList<>();
        for (var entry : groupVoices.entrySet()) {
            int[] counts = perGroup.getOrDefault(entry.getKey(), new int[3]);
            groups.add(new Digest.GroupStance(entry.getKey(), Labels.group(entry.getKey()), entry.getValue(), counts[0],
                    counts[1], counts[2]));
        }
        groups.sort((a, b) -> Integer.compare(b.raised(), a.raised()));
        return new Digest.Point(subject, id, label, score(groups), groups);
    }

    /** How many of the most engaged groups must agree: three, or all of them when fewer take part. */
    static final int BRIDGE = 3;

    /**
     * The geometric mean of the rates of the {@link #BRIDGE} groups with the highest rates, divided
     * by the highest: 1 when they raise the point equally often, 0 when fewer than that many raise it.
     */
    static double score(List<Digest.GroupStance> groups) {
        if (groups.size() < 2) {
            return 0;
        }
        List<Double> rates = new ArrayList<>();
        for (var group : groups) {
            rates.add(Math.max(0, group.raised() - group.against()) / (double) group.voices());
        }
        rates.sort(java.util.Comparator.reverseOrder());
        int m = Math.min(BRIDGE, rates.size());
        double logSum = 0;
        for (double rate : rates.subList(0, m)) {
            if (rate == 0) {
                return 0;
            }
            logSum += Math.log(rate);
        }
        return Math.exp(logSum / m) / rates.getFirst();
    }

    static boolean isConsensus(Digest.Point point) {
        long raising = point.groups().stream().filter(g -> g.raised() > g.against()).count();
        return raising >= Math.min(BRIDGE, point.groups().size()) && raising >= 2 && point.score() >= CONSENSUS;
    }

    /** Some group mostly for it and another mostly against. */
    static boolean isContested(Digest.Point point) {
        boolean someFor = point.groups().stream().anyMatch(g -> g.support() > g.against());
        boolean someAgainst = point.groups().stream().anyMatch(g -> g.against() > g.support());
        return someFor && someAgainst;
    }
}
