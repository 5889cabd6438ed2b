package org.polylogue.transcript.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever is said, the import keeps every character of it: the turns together are the speech.
 * Property-based with plain JUnit: each case is one seed (in the test name, so a failure replays
 * exactly) generating a random transcript.
 */
class CaptionParserPropertyTest {

    /** A turn as written: a label (null for ">>" alone), an indentation and its lines. */
    record Spoken(String label, String indent, List<String> lines) {}

    static LongStream seeds() {
        return new Random(20261129).longs(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void importNeverLosesACharacterOfSpeech(long seed) {
        List<Spoken> spoken = transcript(new Random(seed));
        var text = new StringBuilder("ROUNDTABLE ON CAPACITY-BUILDING\n\nCaptioning is not an authoritative record.\n\n");
        List<String> speech = new ArrayList<>();
        for (Spoken turn : spoken) {
            text.append(turn.indent()).append(">>");
            if (turn.label() != null) {
                text.append(' ').append(turn.label()).append(": ");
                text.append(String.join("\n", turn.lines()));
            } else {
                text.append('\n').append(String.join("\n", turn.lines()));
            }
            text.append("\n\n");
            speech.add(String.join(" ", turn.lines()));
        }
        var parsed = CaptionParser.parse(text.toString());
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.turns()).hasSize(spoken.size());
        String said = String.join(" ", parsed.turns().stream().map(ParsedTranscript.Turn::text).toList());
        assertThat(TranscriptText.normalize(said)).isEqualTo(TranscriptText.normalize(String.join(" ", speech)));
        for (int i = 0; i < spoken.size(); i++) {
            assertThat(parsed.turns().get(i).label()).isEqualTo(spoken.get(i).label() == null ? null
                    : TranscriptText.normalize(spoken.get(i).label()));
        }
    }

    private static final String[] LABELS = {"CHAIR", "KENYA", "MODERATOR", "ANDEAN INCIDENT RESPONDERS NETWORK",
        "MS.\u00a0PRIYA RAMAN", "H.E. AMBASSADOR TAN", "SPEAKER 2"};
    private static final String[] INDENTS = {"", "  ", "\t", "\u00a0"};
    private static final char[] CHARS = "abcXYZ ,.:;()[]-'’\u00a0\u2011>?!0123456789\u00e9\u00f1\u4e2d\u0627".toCharArray();

    /** One to eight turns; a fifth without a label; one to five lines of up to 60 characters each. */
    static List<Spoken> transcript(Random random) {
        List<Spoken> turns = new ArrayList<>();
        for (int t = 0, count = 1 + random.nextInt(8); t < count; t++) {
            String label = random.nextInt(5) == 0 ? null : LABELS[random.nextInt(LABELS.length)];
            List<String> lines = new ArrayList<>();
            for (int wanted = 1 + random.nextInt(5); lines.size() < wanted; ) {
                var line = new StringBuilder();
                for (int c = 0, length = random.nextInt(61); c < length; c++) {
                    line.append(CHARS[random.nextInt(CHARS.length)]);
                }
                if (CaptionParser.markerAt(line.toString()) < 0) {
                    lines.add(line.toString());
                }
            }
            turns.add(new Spoken(label, INDENTS[random.nextInt(INDENTS.length)], lines));
        }
        return turns;
    }
}
