package org.polylogue.publishing.web;

import java.time.Instant;
import java.util.List;
import org.polylogue.publishing.ExportSource;

/**
 * What the open data page shows.
 *
 * @param everything the whole platform's export
 * @param processes one export per process, oldest process first
 * @param regenerated the file just generated again on demand, or null
 */
public record OpenDataView(Download everything, List<Download> processes, List<ExportSource> sources,
        String licenceName, String licenceUrl, String regenerated) {

    /**
     * One export to download.
     *
     * @param slug the process slug, or null for the whole platform
     * @param generatedAt when the cached file was generated, or null when it was never generated
     * @param bytes its size, or 0
     * @param canRegenerate whether the person looking may generate it again now
     */
    public record Download(String slug, String title, String href, Instant generatedAt, long bytes,
            boolean canRegenerate) {

        public String size() {
            if (bytes < 1024) {
                return bytes + " bytes";
            }
            if (bytes < 1024 * 1024) {
                return (bytes / 1024) + " KB";
            }
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
    }
}
