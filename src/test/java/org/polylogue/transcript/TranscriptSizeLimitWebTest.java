package org.polylogue.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.Meetings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A transcript larger than the API's shared body limit but over its own limit gets the transcript
 * module's problem, which says the limit, not the shared filter's generic one.
 */
@PolylogueTest
@TestPropertySource(properties = {"polylogue.transcript.max-size=4KB", "polylogue.api.max-body-bytes=2048"})
class TranscriptSizeLimitWebTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    @Test
    void aTranscriptOneByteOverItsLimitGetsItsOwnProblem() {
        var f = new TranscriptFixtures(port, accounts, meetings);
        byte[] over = new byte[4 * 1024 + 1];
        Arrays.fill(over, (byte) 'a');
        var refused = f.upload(f.meeting, over, f.secretariat);
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("transcript-too-large");
        assertThat(refused.body()).contains("at most 4.0 KB").doesNotContain("payload-too-large");
        assertThat(f.api.get("/api/v1/meetings/" + f.meeting + "/transcript").status()).isEqualTo(404);

        // the shared limit still holds far beyond the transcript's own
        byte[] huge = new byte[4 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        var generic = f.upload(f.meeting, huge, f.secretariat);
        assertThat(generic.status()).isEqualTo(413);
        assertThat(generic.body()).contains("payload-too-large");
    }
}
