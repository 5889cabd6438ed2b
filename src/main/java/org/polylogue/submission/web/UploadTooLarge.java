package org.polylogue.submission.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.polylogue.shared.web.Problems;
import org.polylogue.submission.Submissions;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A multipart request far over the limit is cut off by the container before any controller runs
 * (so this advice cannot be limited to our controllers): 413 problem details for the API, a short
 * page with the way back to the form for browsers.
 */
@ControllerAdvice
class UploadTooLarge {

    private final Submissions submissions;

    UploadTooLarge(Submissions submissions) {
        this.submissions = submissions;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String limit = org.polylogue.submission.internal.SubmissionSettings.sizeText(submissions.maxBytes());
        response.setStatus(413);
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"" + Problems.TYPE_BASE + "file-too-large\","
                    + "\"title\":\"The file is larger than " + limit + ", the limit for submissions.\",\"status\":413,"
                    + "\"detail\":\"file: the limit is " + limit + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>File too large · Polylogue</title></head><body><main><h1>The file is too large</h1>"
                + "<p>Submissions can be at most " + limit + ". Your file was not received, and a browser cannot "
                + "keep the title and summary you typed in this case: go back, copy them, and choose a smaller "
                + "file (for instance a PDF saved with smaller images).</p></main></body></html>")
                .getBytes(StandardCharsets.UTF_8));
    }
}
