package org.polylogue.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(100, 1000);

    @Test
    void bodiesLargerThanTheRouteNeedsAreRefusedBeforeBeingRead() throws Exception {
        assertThat(post("/api/v1/consultations/x/comments", 100).getStatus()).isEqualTo(200);
        var refused = post("/api/v1/consultations/x/comments", 101);
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("payload-too-large").contains("at most 100 bytes");
        assertThat(post("/api/v1/consultations/x/comments/import", 1000).getStatus()).isEqualTo(200);
        assertThat(post("/api/v1/consultations/x/comments/import", 1001).getStatus()).isEqualTo(413);
    }

    @Test
    void aTranscriptIsLetThroughUpToItsOwnLimitSoThatItsModuleAnswers() throws Exception {
        var transcripts = new RequestSizeLimitFilter(100, 1000, 100, 500);
        var request = new MockHttpServletRequest("POST", "/api/v1/meetings/roundtable/transcript");
        request.setContent(new byte[500]);
        var response = new MockHttpServletResponse();
        transcripts.doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(200);
        var other = new MockHttpServletRequest("POST", "/api/v1/meetings/roundtable/transcript/speakers");
        other.setContent(new byte[101]);
        var refused = new MockHttpServletResponse();
        transcripts.doFilter(other, refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(413);
    }

    @Test
    void aBodyOfUnknownLengthIsRefused() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/v1/accounts");
        request.addHeader("Transfer-Encoding", "chunked");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
    }

    private MockHttpServletResponse post(String path, int size) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setContent(new byte[size]);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
