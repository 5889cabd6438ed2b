package org.polylogue.submission.internal;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container's multipart limits follow {@code polylogue.submission.max-bytes}: a file a
 * little over the limit still arrives whole, so the form can come back with a clear message next to
 * the file field (413); a request well over it is cut off by the container (also 413, see
 * {@code UploadTooLarge}). Parts over 256 KB go to temporary files, not memory.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    /** Room for the other fields of the form and a file somewhat over the limit. */
    static final long SLACK = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${polylogue.submission.max-bytes:20971520}") long maxBytes) {
        return new MultipartConfigElement(null, maxBytes + SLACK, maxBytes + SLACK, 256 * 1024);
    }
}
