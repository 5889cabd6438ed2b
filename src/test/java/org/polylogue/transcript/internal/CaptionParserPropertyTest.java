package org.polylogue.transcript.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever is said, the import keeps every character of it: the turns together are the speech. */
class CaptionParserPropertyTest {

    /** A turn as written: a label (null for ">>" alone), an indentation and its lines. */
    record Spoken(String label, String indent, List<String> lines) {}

    @Property(tries = 300)
    void importNeverLosesACharacterOfSpeech(@ForAll("transcripts") List<Spoken> spoken) {
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

    @Provide
    Arbitrary<List<Spoken>> transcripts() {
        Arbitrary<String> label = Arbitraries.of("CHAIR", "KENYA", "MODERATOR", "ANDEAN INCIDENT RESPONDERS NETWORK",
                "MS.\u00a0PRIYA RAMAN", "H.E. AMBASSADOR TAN", "SPEAKER 2").injectNull(0.2);
        Arbitrary<String> indent = Arbitraries.of("", "  ", "\t", "\u00a0");
        Arbitrary<String> line = Arbitraries.strings()
                .withChars("abcXYZ ,.:;()[]-'’\u00a0\u2011>?!0123456789")
                .withChars('\u00e9', '\u00f1', '\u4e2d', '\u0627').ofMaxLength(60)
                .filter(l -> CaptionParser.markerAt(l) < 0);
        Arbitrary<List<String>> lines = line.list().ofMinSize(1).ofMaxSize(5);
        return Combinators.combine(label, indent, lines).as(Spoken::new).list().ofMinSize(1).ofMaxSize(8);
    }
}
