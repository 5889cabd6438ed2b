package org.polylogue.synthesis.internal;

import java.util.Locale;
import org.polylogue.process.ConsultationView;
import org.polylogue.synthesis.Digest;

/** The digest as a Markdown document, with links back to every list of sources. */
public final class DigestMarkdown {

    private DigestMarkdown() {}

    public static String render(ConsultationView consultation, Digest digest, String baseUrl) {
        return render(consultation, digest, baseUrl, java.util.List.of());
    }

    /** With the inputs per kind ({@link org.polylogue.synthesis.Synthesis#inputCounts}). */
    public static String render(ConsultationView consultation, Digest digest, String baseUrl,
            java.util.List<org.polylogue.synthesis.InputCount> counts) {
        String base = baseUrl + "/consultations/" + consultation.slug();
        var md = new StringBuilder();
        md.append("# Digest: ").append(text(consultation.title())).append("\n\n");
        md.append("Computed ").append(digest.computedAt()).append(" from ").append(digest.inputs())
                .append(" inputs").append(kinds(counts));
        if (digest.run() != null && digest.run().incremental()) {
            md.append(" (updated incrementally with ").append(digest.run().newInputs())
                    .append(" new inputs since the full analysis of ").append(digest.run().fullAt()).append(")");
        }
        md.append(". Web version: ").append(base).append("/digest\n\n");
        md.append("## Headline figures\n\n");
        md.append("| | |\n|---|---:|\n");
        md.append("| Inputs | ").append(digest.inputs()).append(" |\n");
        md.append("| Distinct voices (a campaign counts once) | ").append(digest.distinctVoices()).append(" |\n");
        md.append("| Campaigns | ").append(digest.campaigns().size()).append(" |\n");
        md.append("| Organisations | ").append(digest.organisations()).append(" |\n");
        md.append("| Stakeholder groups | ").append(digest.groups()).append(" |\n\n");
        for (String note : digest.notes()) {
            md.append("> ").append(text(note)).append("\n\n");
        }
        md.append("## Themes\n\n");
        for (var theme : digest.themes()) {
            md.append("### ").append(text(theme.label())).append("\n\n");
            md.append(theme.inputs()).append(" distinct inputs, ").append(theme.signatories()).append(" signatories; ")
                    .append("bridging score ").append(score(theme.consensus())).append(". Groups: ");
            md.append(String.join(", ", theme.groups().stream().map(g -> g.label() + " (" + g.count() + ")").toList()))
                    .append(". [All sources](").append(base).append("/digest/themes/").append(theme.id()).append(")\n\n");
            for (var excerpt : theme.excerpts()) {
                md.append("> ").append(text(excerpt.text())).append("\n\n");
            }
        }
        md.append("## Cross-group consensus\n\n");
        if (digest.consensus().isEmpty()) {
            md.append("No point is raised evenly by several stakeholder groups yet.\n\n");
        }
        for (var point : digest.consensus()) {
            md.append("- ").append(text(point.label())).append(": score ").append(score(point.score())).append(" (")
                    .append(String.join(", ", point.groups().stream().filter(g -> g.raised() > 0)
                            .map(g -> g.label() + " " + g.raised() + "/" + g.voices() + stances(g)).toList()))
                    .append(")\n");
        }
        md.append("\n## Contested points\n\n");
        if (digest.contested().isEmpty()) {
            md.append("No point has stakeholder groups on opposite sides among the stances known so far.\n\n");
        }
        for (var point : digest.contested()) {
            md.append("- ").append(text(point.label())).append(": ").append(String.join("; ", point.groups().stream()
                    .filter(g -> g.support() + g.against() + g.change() > 0).map(g -> g.label() + stances(g)).toList()))
                    .append("\n");
        }
        md.append("\n## Campaigns\n\n");
        for (var campaign : digest.campaigns()) {
            md.append("### Campaign of ").append(campaign.size()).append(" signatories\n\n");
            md.append(campaign.organisations()).append(" organisations, ").append(campaign.countries().size())
                    .append(" countries. [All members](").append(base).append("/digest/campaigns/")
                    .append(campaign.id()).append(")\n\n");
            md.append("> ").append(text(Labels.excerpt(campaign.representative(), 600))).append("\n\n");
            for (var variation : campaign.variations()) {
                md.append("- ").append(variation.members()).append(" members add or change: ")
                        .append(text(variation.sentence())).append("\n");
            }
            md.append("\n");
        }
        md.append("## Paragraphs\n\n| Paragraph | Inputs | Voices | Support | Against | For a change | Groups |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (var p : digest.paragraphs()) {
            md.append("| ").append(p.number()).append(" | ").append(p.inputs()).append(" | ").append(p.voices())
                    .append(" | ").append(p.support()).append(" | ").append(p.against()).append(" | ").append(p.change())
                    .append(" | ").append(p.groups()).append(" |\n");
        }
        md.append("\n## How this is computed\n\n").append(HOW).append("\n");
        return md.toString();
    }

    public static final String HOW = """
            Campaigns: texts are normalised (Unicode NFKC, lower case, punctuation and spacing collapsed) and cut into \
            overlapping three-word shingles; 128 MinHash values per text estimate how many shingles two texts share \
            (Jaccard similarity); locality-sensitive hashing in 32 bands finds candidate pairs, which are kept when the \
            estimate reaches the threshold; groups of at least three form a campaign, counted as one voice with all its \
            signatories. Themes: the distinct inputs (one per campaign, every unique input) are clustered by spherical \
            k-means over TF-IDF of stemmed words in each input's language plus letter groups shared across languages; \
            the number of themes is the one that separates them best. Updates between full analyses compare only \
            new or changed inputs, add them to the stored campaigns and place new distinct inputs in the nearest \
            theme; the themes are found again from scratch when a tenth of the distinct inputs are new, or when the \
            secretariat asks. Bridging score: for each stakeholder group \
            taking part (people without an organisation count as the group "Individuals"), r = (its voices raising \
            the point − those against) ÷ all its voices; the score is the geometric mean of r over the three groups \
            with the highest r (all groups if fewer take part) divided by the highest r. It is 1 when three groups \
            raise the point equally often, and 0 when fewer than three raise it, however many voices one group adds. \
            A point is a consensus point at 0.5 or more; it is contested when one group is mostly for and another \
            mostly against. Stances: statement signatures and the position ledger's "supports" are for the             current wording; an amendment that replaces a paragraph or inserts after it, its supports, and "wants an             amendment" are for a change (they raise the point, and stand against those who keep the wording as it is);             a deletion and "opposes" are against. An organisation counts once per point, with its latest stance.             Transcript turns count from meetings of the process that link the consultation (or, linking none, held             while it was open or of its only consultation), without the chair's and procedural turns; speakers nobody             linked to an organisation are listed as unidentified and never count as a group. Each amendment             also has a point of its own (its proposer, its supporters and ledger stances on it: for it, against             it or wanting it amended), so competing amendments on one paragraph are told apart; the whole             document has one for stances on the consultation and inputs tied to no paragraph, a consensus point             only when groups state a stance for it.""".replaceAll(" {2,}", " ");

    /** " (from 40 comments, 3 amendments; with 5 amendment supports)", or nothing. */
    static String kinds(java.util.List<org.polylogue.synthesis.InputCount> counts) {
        var texts = counts.stream().filter(c -> !c.stanceOnly()).toList();
        var stances = counts.stream().filter(org.polylogue.synthesis.InputCount::stanceOnly).toList();
        if (texts.isEmpty() && stances.isEmpty()) {
            return "";
        }
        return " (" + (texts.isEmpty() ? "" : InputCounts.sentence(texts)) + (texts.isEmpty() || stances.isEmpty() ? ""
                : "; ") + (stances.isEmpty() ? "" : "stances: " + InputCounts.sentence(stances)) + ")";
    }

    /** " (2 for, 1 against, 3 for a change)" of a group's known stances, or nothing. */
    public static String stances(Digest.GroupStance g) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (g.support() > 0) {
            parts.add(g.support() + " for");
        }
        if (g.against() > 0) {
            parts.add(g.against() + " against");
        }
        if (g.change() > 0) {
            parts.add(g.change() + " for a change");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    /** Text safe inside Markdown: no raw HTML, no accidental markup. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[")
                .replace("]", "\\]").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replaceAll("\\s+", " ").strip();
    }
}
