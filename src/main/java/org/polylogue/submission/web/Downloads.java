package org.polylogue.submission.web;

import org.polylogue.submission.SubmissionFile;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An uploaded file is only ever sent as an attachment, with the type its content was found to have,
 * {@code nosniff}, and a sandboxing CSP: never rendered inline from our origin.
 */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<Resource> attachment(SubmissionFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noCache())
                .body(new FileSystemResource(file.path()));
    }
}
