package org.polylogue.transcript.internal;

import java.util.List;

/**
 * What {@link CaptionParser} read.
 *
 * @param title the title line, or null when the text starts with a turn
 * @param preamble the text between the title and the first turn (the disclaimer), normalised; empty if none
 * @param unofficialCaptioning whether the preamble says it is captioning and not an authoritative record
 * @param turns the turns in order, numbered from 1
 * @param questions the audience questions the moderator read out
 * @param problems what could not be read, by line; the transcript must not be stored when not empty
 */
public record ParsedTranscript(String title, String preamble, boolean unofficialCaptioning, List<Turn> turns,
        List<Question> questions, List<Problem> problems) {

    /**
     * One turn.
     *
     * @param label the speaker label as written (normalised spaces), or null for {@code >>} alone
     * @param line the line number (from 1) of its {@code >>} line
     * @param paragraphs the paragraphs as written (lines of a paragraph joined by a newline, indentation removed)
     * @param introducedAs the name the previous speaker gave the floor to, or null
     */
    public record Turn(int number, String label, int line, List<String> paragraphs, String introducedAs) {

        public String text() {
            return String.join("\n\n", paragraphs);
        }

        public String normalizedText() {
            return TranscriptText.normalize(text());
        }

        public int words() {
            return TranscriptText.words(text());
        }
    }

    /** A question from the audience read out in turn {@code turnNumber}; {@code text} may be empty. */
    public record Question(int turnNumber, String askedBy, boolean online, String text) {}

    /** Something the import could not read, at a line (from 1). */
    public record Problem(int line, String message) {}
}
