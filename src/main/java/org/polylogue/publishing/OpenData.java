package org.polylogue.publishing;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.polylogue.publishing.internal.ExportCache;
import org.polylogue.publishing.internal.ExportSettings;
import org.polylogue.publishing.internal.ExportWriter;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The open data exports: {@code all.zip} for the whole platform and {@code <process slug>.zip} per
 * process, kept under {@code <data dir>/exports/}, regenerated nightly
 * ({@code polylogue.export.cron}, default 03:30 server time; {@code -} turns it off) and on demand.
 */
@Service
public class OpenData {

    /** The file name of the whole platform's export. */
    public static final String ALL = "all.zip";

    private static final Logger log = LoggerFactory.getLogger(OpenData.class);

    private final ExportedProcesses processes;
    private final ExportPermissions permissions;
    private final ExportCache cache;
    private final ExportWriter writer;
    private final ExportSettings settings;

    OpenData(ExportedProcesses processes, ExportPermissions permissions, ExportCache cache, ExportWriter writer,
            ExportSettings settings) {
        this.processes = processes;
        this.permissions = permissions;
        this.cache = cache;
        this.writer = writer;
        this.settings = settings;
    }

    /** What an export is: the whole platform (process null) or one process. */
    public record Target(ExportedProcess process) {
        public String fileName() {
            return process == null ? ALL : process.slug() + ".zip";
        }

        public String title() {
            return process == null ? "the whole platform" : "the process \u201c" + process.title() + "\u201d";
        }

        ExportScope scope() {
            return process == null ? ExportScope.everything() : ExportScope.of(process);
        }
    }

    public Target everything() {
        return new Target(null);
    }

    /** The export of the process with this slug, or empty when there is none. */
    public Optional<Target> ofProcess(String slug) {
        return processes.find(slug).map(Target::new);
    }

    public List<ExportedProcess> processes() {
        return processes.all();
    }

    /** What one export contains, in ZIP order. */
    public List<ExportSource> sources() {
        return writer.sources();
    }

    public String licenceName() {
        return settings.licenceName();
    }

    public String licenceUrl() {
        return settings.licenceUrl();
    }

    /** The generated file when it is recent enough to be served as it is. */
    public Optional<ExportFile> fresh(Target target) {
        return cache.fresh(target.fileName());
    }

    /** The generated file, however old, or empty when it was never generated. */
    public Optional<ExportFile> cached(Target target) {
        return cache.cached(target.fileName());
    }

    /** Generates the export, sending it to {@code out} as it is written, and keeps it. */
    public ExportFile stream(Target target, OutputStream out) {
        return cache.writeThrough(target.fileName(), new ExportCache.ScopeAndTitle(target.scope(), target.title()),
                out);
    }

    public boolean canRegenerate(Actor actor, Target target) {
        return permissions.canRegenerate(actor, target.process());
    }

    /**
     * Generates the export again now. Refused with 403 {@code not-allowed} unless the actor runs the
     * process (or is an administrator; only administrators for the whole platform).
     */
    public Result<ExportFile> regenerate(Target target, Actor actor) {
        if (!canRegenerate(actor, target)) {
            return Result.rejected(Refusal.forbidden("not-allowed",
                    target.process() == null ? "Only administrators may generate the whole platform's export."
                            : "Only the secretariat of this process or an administrator may generate its export."));
        }
        return Result.ok(cache.regenerate(target.fileName(), target.scope(), target.title()));
    }

    /** The nightly run: the whole platform, then every process. */
    @Scheduled(cron = "${polylogue.export.cron:0 30 3 * * *}")
    public void regenerateEverything() {
        long started = System.nanoTime();
        regenerateQuietly(everything());
        processes.all().forEach(process -> regenerateQuietly(new Target(process)));
        log.info("Open data exports generated in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void regenerateQuietly(Target target) {
        try {
            cache.regenerate(target.fileName(), target.scope(), target.title());
        } catch (RuntimeException e) {
            log.error("The open data export {} could not be generated", target.fileName(), e);
        }
    }
}
