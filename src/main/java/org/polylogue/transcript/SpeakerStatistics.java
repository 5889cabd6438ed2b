package org.polylogue.transcript;

/**
 * How much one speaker label said in a transcript.
 *
 * @param label the label, or null for unknown speakers
 * @param share the share of all words, from 0 to 1
 */
public record SpeakerStatistics(String label, int turns, int words, double share) {

    public String labelShown() {
        return label == null ? "Unknown speaker" : label;
    }

    /** The share as a whole percentage, e.g. "12 %". */
    public String percent() {
        return Math.round(share * 100) + " %";
    }
}
