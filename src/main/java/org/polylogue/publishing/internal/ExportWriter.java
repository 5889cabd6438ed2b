package org.polylogue.publishing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one export as a ZIP to a stream: README.md and LICENSE.txt first, then per source its CSV
 * (straight into the ZIP) and its JSON Lines (written to a temporary file during the same single
 * pass over the database, then copied in), then manifest.json with the row counts. Everything is read
 * in one read-only, repeatable-read transaction so that the files agree with each other.
 */
@Component
public class ExportWriter {

    private final List<ExportSource> sources;
    private final TransactionTemplate transaction;
    private final ExportSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    ExportWriter(List<ExportSource> sources, PlatformTransactionManager transactions, ExportSettings settings) {
        this.sources = sources.stream().sorted(Comparator.comparingInt(ExportSource::order)
                .thenComparing(ExportSource::kind)).toList();
        var template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.transaction = template;
        this.settings = settings;
    }

    /** The sources in ZIP order (for the open data page). */
    public List<ExportSource> sources() {
        return sources;
    }

    /**
     * Writes the ZIP for the scope to {@code out} (left open) and returns the row count per kind.
     *
     * @param title what the export covers, for the README ("the whole platform", "the process X")
     * @param scratch a directory for the temporary JSON Lines files
     */
    public Map<String, Long> write(ExportScope scope, String title, OutputStream out, Path scratch) {
        Instant generatedAt = Instant.now();
        FileTime time = FileTime.from(generatedAt);
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            Files.createDirectories(scratch);
            var zip = new ZipOutputStream(NonClosing.of(out), StandardCharsets.UTF_8);
            // CPU, not bandwidth, bounds an export of a million comments on a small machine
            zip.setLevel(Deflater.BEST_SPEED);
            entry(zip, "README.md", time, ExportReadme.text(title, generatedAt, settings, sources));
            entry(zip, "LICENSE.txt", time, ExportReadme.licence(settings));
            transaction.executeWithoutResult(status -> {
                for (ExportSource source : sources) {
                    counts.put(source.kind(), writeSource(zip, source, scope, time, scratch));
                }
            });
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("title", title);
            manifest.put("process_id", scope.processId());
            manifest.put("generated_at", generatedAt.toString());
            manifest.put("licence", settings.licenceName());
            manifest.put("licence_url", settings.licenceUrl());
            List<Map<String, Object>> files = new ArrayList<>();
            counts.forEach((kind, rows) -> files.add(Map.of("kind", kind, "csv", kind + ".csv", "jsonl",
                    kind + ".jsonl", "rows", rows)));
            manifest.put("files", files);
            entry(zip, "manifest.json", time, json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
            zip.finish();
            zip.flush();
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, FileTime time, String text) throws IOException {
        var entry = new ZipEntry(name);
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private long writeSource(ZipOutputStream zip, ExportSource source, ExportScope scope, FileTime time, Path scratch) {
        Path lines = null;
        try {
            lines = Files.createTempFile(scratch, source.kind(), ".jsonl");
            var csvEntry = new ZipEntry(source.kind() + ".csv");
            csvEntry.setLastModifiedTime(time);
            zip.putNextEntry(csvEntry);
            long rows;
            try (var files = new RowFiles(source.columns(), NonClosing.of(zip), Files.newOutputStream(lines), json)) {
                source.forEachRow(scope, files::row);
                rows = files.rows();
            }
            zip.closeEntry();
            var jsonEntry = new ZipEntry(source.kind() + ".jsonl");
            jsonEntry.setLastModifiedTime(time);
            zip.putNextEntry(jsonEntry);
            Files.copy(lines, zip);
            zip.closeEntry();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (lines != null) {
                try {
                    Files.deleteIfExists(lines);
                } catch (IOException ignored) {
                    // a leftover scratch file is removed with the next cleanup of the exports directory
                }
            }
        }
    }
}
