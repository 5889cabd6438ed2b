package org.polylogue.synthesis;

import java.time.Instant;
import java.util.List;

/**
 * The synthesis of a consultation at one moment: what the digest page, its Markdown export and the
 * API show. Campaign and theme members are listed separately (see {@link Synthesis#members}).
 *
 * @param inputs every input counted (each campaign member, each unique input)
 * @param distinctVoices campaigns counted once each, plus every unique input
 * @param notes plain-language remarks on what could not be computed and why (empty when all went well)
 * @param run which kind of run made it (null in digests stored before incremental runs existed)
 */
public record Digest(String consultationId, Instant computedAt, int inputs, int distinctVoices, int organisations,
        int groups, int countries, List<Campaign> campaigns, List<Theme> themes, List<Point> consensus,
        List<Point> contested, List<ParagraphHeat> paragraphs, List<String> notes, Run run) {

    /**
     * Which kind of run made the digest.
     *
     * @param kind "full" (everything clustered again) or "incremental" (new inputs placed into the
     *     campaigns and themes of the last full analysis)
     * @param fullAt when the last full analysis ran
     * @param newInputs inputs new or changed since that full analysis (0 for a full run)
     */
    public record Run(String kind, Instant fullAt, int newInputs) {

        public boolean incremental() {
            return "incremental".equals(kind);
        }
    }

    /**
     * Near-identical inputs from several people: one voice with {@code size} signatories.
     *
     * @param representative the text of the most central member
     * @param identical members whose text equals the representative's once normalised
     * @param variations sentences members added or changed relative to the representative, most frequent first
     * @param arrivals members per minute of arrival
     * @param bursts seconds in which three or more members arrived
     */
    public record Campaign(String id, int size, String representativeKind, String representativeId,
            String representative, int organisations, List<String> countries, int identical,
            List<Variation> variations, int variationsOutOf, List<TimeCount> arrivals, List<TimeCount> bursts,
            String themeId) {}

    public record Variation(String sentence, int members) {}

    public record TimeCount(Instant at, int count) {}

    /**
     * Inputs that speak of the same thing.
     *
     * @param inputs distinct voices in the theme (a campaign counts once)
     * @param signatories every input in it, each campaign member counted
     * @param consensus the bridging score of the theme (see {@link Point})
     */
    public record Theme(String id, String label, List<String> terms, int inputs, int signatories,
            List<Excerpt> excerpts, List<Count> paragraphs, List<Count> groups, List<Count> regions,
            List<String> campaignIds, double consensus) {}

    public record Excerpt(String kind, String id, String text) {}

    /** A key (paragraph id, group or region enum name), its label for people and a number. */
    public record Count(String key, String label, int count) {}

    /**
     * A theme or paragraph and how each stakeholder group stands on it. {@code score} is the bridging
     * score: for each group present in the consultation r = (voices raising it − voices against) /
     * all voices of the group (at least 0); score = geometric mean of the three highest r (all, if
     * fewer groups take part) divided by the highest r. It is 1 when three groups raise the point
     * equally often and 0 when fewer than three raise it, whatever the volume within one group.
     *
     * @param subject "theme", "paragraph", "amendment" (one amendment: its groups' stances are on the
     *     amendment, {@code support} meaning for it; its paragraph keeps a point of its own) or "document"
     *     (the whole document; {@code subjectId} "document")
     */
    public record Point(String subject, String subjectId, String label, double score, List<GroupStance> groups) {}

    /**
     * One stakeholder group on a point: its voices in the consultation, raising it, for the current
     * wording, against it, and wanting it changed ({@code change}: amendments and their supports). An
     * organisation counts once per point, with its latest stance.
     */
    public record GroupStance(String group, String label, int voices, int raised, int support, int against,
            int change) {}

    /**
     * A paragraph's volume and stance, for the heat strip and its table.
     *
     * @param inputs every input on it (each campaign member counted)
     * @param voices distinct voices on it, an organisation counted once (as on a {@link Point})
     * @param support voices for the current wording, {@code against} against it, {@code change} for a
     *     change (amendments replacing it or inserting after it, their supports, "wants an amendment"):
     *     each organisation once, with its latest stance
     * @param groups stakeholder groups raising it (unidentified speakers not counted)
     */
    public record ParagraphHeat(String paragraphId, int number, int inputs, int voices, int support, int against,
            int change, int groups) {}
}
