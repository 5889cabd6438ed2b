package org.polylogue.synthesis.web;

import java.util.List;
import java.util.Locale;
import org.polylogue.process.ConsultationView;
import org.polylogue.synthesis.Digest;
import org.polylogue.synthesis.InputCount;
import org.polylogue.synthesis.JobView;
import org.polylogue.synthesis.internal.DigestMarkdown;
import org.polylogue.synthesis.internal.InputCounts;

/**
 * What the digest page shows.
 *
 * @param digest null before the first run
 * @param job the newest job, or null
 * @param counts inputs per kind (see {@link org.polylogue.synthesis.Synthesis#inputCounts})
 */
public record DigestPage(ConsultationView consultation, Digest digest, JobView job, boolean canStart, boolean stale,
        List<InputCount> counts) {

    /** "40 comments, 3 amendments and 12 transcript turns", or null when none are known. */
    public String textKinds() {
        var texts = counts.stream().filter(c -> !c.stanceOnly()).toList();
        return texts.isEmpty() ? null : InputCounts.sentence(texts);
    }

    /** "5 amendment supports and 2 position-ledger stances", or null. */
    public String stanceKinds() {
        var stances = counts.stream().filter(InputCount::stanceOnly).toList();
        return stances.isEmpty() ? null : InputCounts.sentence(stances);
    }

    /** A group's known stances on a point in words: " (2 for, 1 against, 3 for a change)", or "". */
    public static String stances(Digest.GroupStance group) {
        return DigestMarkdown.stances(group);
    }

    public String how() {
        return DigestMarkdown.HOW;
    }

    public static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    /** A CSS class heat-0 to heat-4 for a paragraph's volume relative to the busiest paragraph. */
    public String heat(Digest.ParagraphHeat paragraph) {
        int max = digest.paragraphs().stream().mapToInt(Digest.ParagraphHeat::inputs).max().orElse(0);
        if (max == 0 || paragraph.inputs() == 0) {
            return "heat-0";
        }
        return "heat-" + Math.max(1, (int) Math.ceil(4.0 * paragraph.inputs() / max));
    }

    /** Themes with a theme page, in the digest's order, at most {@code limit}. */
    public List<Digest.Theme> topThemes(int limit) {
        return digest.themes().stream().limit(limit).toList();
    }

    /** The campaign's theme's label, or null. */
    public String themeLabel(String themeId) {
        return themeId == null ? null : digest.themes().stream().filter(t -> t.id().equals(themeId))
                .map(Digest.Theme::label).findFirst().orElse(null);
    }

    public static String groupsRaising(Digest.Point point) {
        return String.join("; ", point.groups().stream().filter(g -> g.raised() > 0)
                .map(g -> g.label() + " " + g.raised() + " of " + g.voices() + " voices" + stances(g)).toList());
    }

    public String link(Digest.Point point) {
        String base = "/consultations/" + consultation.slug();
        return switch (point.subject()) {
            case "theme" -> base + "/digest/themes/" + point.subjectId();
            case "amendment" -> base + "/amendments/" + point.subjectId();
            case "document" -> base;
            default -> base + "/paragraphs/" + point.subjectId();
        };
    }
}
