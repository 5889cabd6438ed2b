package org.polylogue.transcript.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes: the decoder and the parser answer text or problems, never an exception, and what they
 * answer holds together. In regression mode (a normal test run) it replays the inputs under
 * src/test/resources/org/polylogue/transcript/internal/CaptionParserFuzzTestInputs; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class CaptionParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decodingAndParsingNeverFail(byte[] input) {
        var decoded = TranscriptDecoder.decode(input);
        if (decoded.text() == null) {
            assertThat(decoded.problems()).isNotEmpty();
            return;
        }
        var parsed = CaptionParser.parse(decoded.text());
        assertThat(parsed.turns().isEmpty() && parsed.problems().isEmpty()).isFalse();
        for (int i = 0; i < parsed.turns().size(); i++) {
            var turn = parsed.turns().get(i);
            assertThat(turn.number()).isEqualTo(i + 1);
            assertThat(turn.words()).isNotNegative();
            assertThat(turn.line()).isPositive();
        }
        for (var problem : parsed.problems()) {
            assertThat(problem.line()).isPositive();
        }
        for (var question : parsed.questions()) {
            assertThat(question.askedBy()).isNotBlank();
        }
    }
}
