package org.polylogue.synthesis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.Input;

/**
 * The bridging score of a point (see {@link Digest.Point}): agreement across stakeholder groups
 * rather than volume within one. Stances come from inputs that carry one: statement signatures,
 * amendments and their supports, and the position ledger (see {@link Input.Stance}).
 *
 * <p>An organisation counts once per point: its voices on the point (a comment, an amendment, a
 * support of another organisation's amendment, a position-ledger stance, a signature) are merged
 * into one, whose stance is the latest stance among them. Campaigns and people are not merged.
 * Unidentified transcript speakers ({@link Input#UNKNOWN_GROUP}) are listed but never count
 * towards consensus or contest.
 */
final class Bridging {

    static final double CONSENSUS = 0.5;

    private Bridging() {}

    static Digest.Point point(String subject, String id, String label, List<Voice> voices,
            Map<String, Integer> groupVoices) {
        Map<String, int[]> perGroup = new HashMap<>();
        for (Merged voice : merged(voices)) {
            for (String group : voice.groups) {
                int[] counts = perGroup.computeIfAbsent(group, g -> new int[4]);
                counts[0]++;
                if (voice.stance == Input.Stance.SUPPORT) {
                    counts[1]++;
                } else if (voice.stance == Input.Stance.AGAINST) {
                    counts[2]++;
                } else if (voice.stance == Input.Stance.CHANGE) {
                    counts[3]++;
                }
            }
        }
        List<Digest.GroupStance> groups = new ArrayList<>();
        for (var entry : groupVoices.entrySet()) {
            int[] counts = perGroup.getOrDefault(entry.getKey(), new int[4]);
            groups.add(new Digest.GroupStance(entry.getKey(), Labels.group(entry.getKey()), entry.getValue(), counts[0],
                    counts[1], counts[2], counts[3]));
        }
        groups.sort((a, b) -> Integer.compare(b.raised(), a.raised()));
        return new Digest.Point(subject, id, label, score(groups), groups);
    }

    /** A point's voices after merging those of the same organisation. */
    record Merged(java.util.Set<String> groups, Input.Stance stance) {}

    static List<Merged> merged(List<Voice> voices) {
        List<Merged> result = new ArrayList<>();
        Map<String, List<Voice>> byOrganization = new LinkedHashMap<>();
        for (Voice voice : voices) {
            String organization = voice.soleOrganization();
            if (organization == null) {
                result.add(new Merged(voice.groups, voice.stance));
            } else {
                byOrganization.computeIfAbsent(organization, o -> new ArrayList<>()).add(voice);
            }
        }
        for (List<Voice> same : byOrganization.values()) {
            java.util.Set<String> groups = new java.util.HashSet<>();
            Input.Stance stance = null;
            Instant at = null;
            for (Voice voice : same) {
                groups.addAll(voice.groups);
                if (voice.stance != null && (stance == null || at == null
                        || (voice.stanceAt != null && !voice.stanceAt.isBefore(at)))) {
                    stance = voice.stance;
                    at = voice.stanceAt;
                }
            }
            result.add(new Merged(groups, stance));
        }
        return result;
    }

    /** How many of the most engaged groups must agree: three, or all of them when fewer take part. */
    static final int BRIDGE = 3;

    /**
     * The geometric mean of the rates of the {@link #BRIDGE} groups with the highest rates, divided
     * by the highest: 1 when they raise the point equally often, 0 when fewer than that many raise it.
     * Voices wanting a change raise the point (they are not against it); unidentified speakers are left out.
     */
    static double score(List<Digest.GroupStance> groups) {
        List<Digest.GroupStance> known = identified(groups);
        if (known.size() < 2) {
            return 0;
        }
        List<Double> rates = new ArrayList<>();
        for (var group : known) {
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

    /**
     * Several groups raise it evenly, and no group stands against the others. On the whole document,
     * speaking of it is not agreeing with it (every general remark and transcript turn is "on the
     * document"): there, only groups whose stated stances are mostly for it or for changing it count
     * as raising it.
     */
    static boolean isConsensus(Digest.Point point) {
        var known = identified(point.groups());
        boolean document = "document".equals(point.subject());
        long raising = known.stream().filter(g -> document ? g.support() + g.change() > g.against()
                : g.raised() > g.against()).count();
        return raising >= Math.min(BRIDGE, known.size()) && raising >= 2 && point.score() >= CONSENSUS
                && !isContested(point);
    }

    /**
     * Some group mostly for the current wording and another mostly against it or for changing it
     * (an amendment and its supports on one side, support of the paragraph as it is on the other).
     */
    static boolean isContested(Digest.Point point) {
        var known = identified(point.groups());
        boolean someFor = known.stream().anyMatch(g -> g.support() > g.against() + g.change());
        boolean someAgainst = known.stream().anyMatch(g -> g.against() + g.change() > g.support()
                && g.against() + g.change() > 0);
        return someFor && someAgainst;
    }

    private static List<Digest.GroupStance> identified(List<Digest.GroupStance> groups) {
        return groups.stream().filter(g -> !Input.UNKNOWN_GROUP.equals(g.group())).toList();
    }
}
