package org.polylogue.synthesis.internal;

import java.util.List;
import java.util.Map;
import org.polylogue.stakeholder.RegionalGroup;
import org.polylogue.stakeholder.StakeholderGroup;
import org.polylogue.synthesis.Digest;

/** Words for people: group and region names, paragraph labels, excerpts. */
final class Labels {

    private Labels() {}

    static String group(String key) {
        if (Voice.INDIVIDUALS.equals(key)) {
            return "Individuals";
        }
        if (org.polylogue.synthesis.Input.UNKNOWN_GROUP.equals(key)) {
            return "Unidentified speakers";
        }
        var group = StakeholderGroup.parse(key);
        return group == null ? key : group.label();
    }

    static String region(String key) {
        try {
            return RegionalGroup.valueOf(key).label();
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    static String excerpt(String text, int limit) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= limit) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', limit);
        return flat.substring(0, cut > limit / 2 ? cut : limit) + "…";
    }

    static List<Digest.Count> groupCounts(Map<String, Integer> counts) {
        return sorted(counts, Labels::group);
    }

    static List<Digest.Count> regionCounts(Map<String, Integer> counts) {
        return sorted(counts, Labels::region);
    }

    static List<Digest.Count> paragraphCounts(Map<String, Integer> counts, Map<String, Integer> numbers) {
        return sorted(counts, key -> numbers.containsKey(key) ? "Paragraph " + numbers.get(key)
                : "document".equals(key) ? "Whole document" : "An earlier paragraph");
    }

    private static List<Digest.Count> sorted(Map<String, Integer> counts, java.util.function.Function<String, String> label) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Digest.Count(e.getKey(), label.apply(e.getKey()), e.getValue())).toList();
    }
}
