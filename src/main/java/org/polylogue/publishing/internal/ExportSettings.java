package org.polylogue.publishing.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Configuration of the open data exports: {@code polylogue.export.licence} and
 * {@code polylogue.export.licence-url} (CC BY 4.0 by default), {@code polylogue.export.max-age} (a
 * cached file older than this is generated again when asked for; default 25 hours, a little more
 * than the nightly run), and the directory {@code <data dir>/exports}.
 */
@Component
public class ExportSettings {

    private final String licenceName;
    private final String licenceUrl;
    private final Duration maxAge;
    private final Path directory;

    ExportSettings(@Value("${polylogue.export.licence:CC BY 4.0}") String licenceName,
            @Value("${polylogue.export.licence-url:https://creativecommons.org/licenses/by/4.0/}") String licenceUrl,
            @Value("${polylogue.export.max-age:PT25H}") Duration maxAge,
            @Value("${polylogue.data-dir}") String dataDir) {
        this.licenceName = licenceName;
        this.licenceUrl = licenceUrl;
        this.maxAge = maxAge;
        this.directory = Path.of(dataDir).resolve("exports");
    }

    public String licenceName() {
        return licenceName;
    }

    public String licenceUrl() {
        return licenceUrl;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public Path directory() {
        return directory;
    }
}
