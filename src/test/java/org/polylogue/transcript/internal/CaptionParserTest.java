package org.polylogue.transcript.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaptionParserTest {

    static String resource(String name) throws IOException {
        try (InputStream in = CaptionParserTest.class.getResourceAsStream("/transcript/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheRoundtableTurnByTurnWithTheDisclaimerAsStatus() throws IOException {
        var parsed = CaptionParser.parse(resource("roundtable-poa.txt"));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.title()).isEqualTo("ROUNDTABLE ON THE PROGRAMME OF ACTION: STAKEHOLDER PERSPECTIVES");
        assertThat(parsed.unofficialCaptioning()).isTrue();
        assertThat(parsed.preamble()).contains("not an authoritative record");
        assertThat(parsed.turns()).extracting(ParsedTranscript.Turn::label).containsExactly("MODERATOR", "KENYA",
                "MODERATOR", "KENYA", "MODERATOR", "ANDEAN INCIDENT RESPONDERS NETWORK", null, "MODERATOR", null,
                "MODERATOR", "VISTULA SECURE SYSTEMS", "MODERATOR");
        var first = parsed.turns().getFirst();
        assertThat(first.paragraphs()).hasSize(2);
        assertThat(first.line()).isEqualTo(6);
        // indented turn, non-breaking spaces and hyphens kept as written, normalised for search
        var kenya = parsed.turns().get(1);
        assertThat(kenya.line()).isEqualTo(10);
        assertThat(kenya.text()).startsWith("Thank\u00a0you,\u00a0Moderator.").contains("action\u2011oriented")
                .endsWith("heart \u2011\u2011");
        assertThat(kenya.normalizedText()).startsWith("Thank you, Moderator.").contains("action-oriented")
                .endsWith("heart --");
        assertThat(kenya.words()).isEqualTo(26);
        // a stage note is kept in the text but is not a word said
        var laughing = parsed.turns().get(3);
        assertThat(laughing.text()).startsWith("(Laughing) Of course.");
        assertThat(laughing.words()).isEqualTo(TranscriptText.words(laughing.text().replace("(Laughing)", "")));
        assertThat(TranscriptText.segments(laughing.paragraphs().getFirst()).getFirst())
                .isEqualTo(new TranscriptText.Segment("(Laughing)", true));
        // the moderator calls the speaker by another name than the label
        assertThat(kenya.introducedAs()).isEqualTo("Ambassador Wanjiru");
        assertThat(parsed.turns().get(5).introducedAs()).isEqualTo("Dr. Mendoza");
        // ">> Can you hear me?": a sentence, not a label, so an unknown speaker's text
        assertThat(parsed.turns().get(6).text()).isEqualTo("Can you hear me? I am not sure my microphone is on.");
        // ">>" alone, then a paragraph
        assertThat(parsed.turns().get(8).text()).isEqualTo("(Applause)");
        assertThat(parsed.turns().get(8).words()).isZero();
        assertThat(parsed.turns().get(10).label()).isEqualTo("VISTULA SECURE SYSTEMS");
    }

    @Test
    void listsTheAudienceQuestionsWithWhoAsked() throws IOException {
        var parsed = CaptionParser.parse(resource("roundtable-poa.txt"));
        assertThat(parsed.questions()).extracting(ParsedTranscript.Question::askedBy)
                .containsExactly("Maria Lopez of the Sahel Digital Rights Collective", "Tomasz Nowak");
        assertThat(parsed.questions().getFirst().turnNumber()).isEqualTo(8);
        assertThat(parsed.questions().getFirst().text()).startsWith("how will accreditation work");
        assertThat(parsed.questions().getFirst().online()).isFalse();
        assertThat(parsed.questions().get(1).online()).isTrue();
        assertThat(parsed.questions().get(1).text()).startsWith("whether the private sector");
    }

    @Test
    void readsTurnsWithoutBlankLinesBetweenThemAndAnEmptyMarker() throws IOException {
        var parsed = CaptionParser.parse(resource("consultation-cbm.txt"));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.unofficialCaptioning()).isTrue();
        assertThat(parsed.turns()).hasSize(10);
        assertThat(parsed.turns().get(1).introducedAs()).isEqualTo("Kadri Tamm");
        assertThat(parsed.turns().get(1).paragraphs()).hasSize(2);
        assertThat(parsed.turns().get(3).introducedAs()).isEqualTo("Ms. Priya Raman");
        assertThat(parsed.turns().get(4).label()).isNull();
        assertThat(parsed.turns().get(4).text()).isEmpty();
        assertThat(parsed.questions()).extracting(ParsedTranscript.Question::askedBy)
                .containsExactly("Jean-Baptiste Ndiaye", "Ana Ruiz");
        assertThat(parsed.questions().getFirst().online()).isTrue();
        assertThat(parsed.questions().get(1).text()).isEqualTo("Is there funding for smaller delegations?");
    }

    @Test
    void reportsASpeakerNameThatIsAWholeSentenceAtItsLine() throws IOException {
        var parsed = CaptionParser.parse(resource("sentence-speaker.txt"));
        assertThat(parsed.problems()).hasSize(1);
        assertThat(parsed.problems().getFirst().line()).isEqualTo(6);
        assertThat(parsed.problems().getFirst().message()).contains("whole sentence");
    }

    @Test
    void reportsATextWithoutTurns() {
        var parsed = CaptionParser.parse("MEETING\n\nCaptioning is not an authoritative record.\n\nKENYA: hello\n");
        assertThat(parsed.turns()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("No turns"));
    }

    @Test
    void aTextWithoutDisclaimerIsNotMarkedAsCaptioning() {
        var parsed = CaptionParser.parse(">> CHAIR: We start.\n>> KENYA: Thank you.");
        assertThat(parsed.title()).isNull();
        assertThat(parsed.unofficialCaptioning()).isFalse();
        assertThat(parsed.turns()).hasSize(2);
    }

    @Test
    void decodesWindows1252AndUtf16WithBomAndRefusesBinary() {
        String text = ">> CHAIR: Café – “quoted” résumé\n";
        var cp1252 = TranscriptDecoder.decode(text.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThat(cp1252.encoding()).isEqualTo("windows-1252");
        assertThat(cp1252.text()).isEqualTo(text);
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        var decoded = TranscriptDecoder.decode(utf16);
        assertThat(decoded.encoding()).isEqualTo("UTF-16LE");
        assertThat(decoded.text()).isEqualTo(text);
        assertThat(TranscriptDecoder.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE)).text()).isEqualTo(text);
        assertThat(TranscriptDecoder.decode(text.getBytes(StandardCharsets.UTF_8)).encoding()).isEqualTo("UTF-8");
        var binary = TranscriptDecoder.decode(new byte[] {'>', '>', ' ', 'A', ':', '\n', 'x', 0, 1, 2});
        assertThat(binary.text()).isNull();
        assertThat(binary.problems().getFirst().line()).isEqualTo(2);
        assertThat(binary.problems().getFirst().message()).startsWith("Binary content");
        var control = TranscriptDecoder.decode(">> A: x\u0007y".getBytes(StandardCharsets.UTF_8));
        assertThat(control.problems().getFirst().message()).contains("U+0007");
    }
}
