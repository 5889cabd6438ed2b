package org.polylogue.publishing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.time.Instant;
import org.polylogue.publishing.ExportFile;
import org.polylogue.publishing.OpenData;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@Tag(name = "Open data", description = "Bulk exports of everything public as ZIP files of CSV and JSON Lines")
class ExportApi {

    private static final String ZIP = "application/zip";

    private final OpenData openData;

    ExportApi(OpenData openData) {
        this.openData = openData;
    }

    @Schema(description = "A generated export file")
    record ExportFileJson(@Schema(example = "all.zip") String file,
            @Schema(example = "/api/v1/exports/all.zip") String url,
            @Schema(example = "123456") long bytes,
            @Schema(example = "2026-11-30T03:30:00Z") Instant generatedAt) {
        static ExportFileJson of(ExportFile file) {
            return new ExportFileJson(file.name(), "/api/v1/exports/" + file.name(), file.bytes(), file.generatedAt());
        }
    }

    @GetMapping("/api/v1/exports/all.zip")
    @PublicEndpoint("open data: everything in it is public on the platform")
    @RateLimited(RateLimit.EXPORT_PER_ADDRESS)
    @Operation(operationId = "exportAll", summary = "Download the whole platform as open data",
            description = "A ZIP with README.md (every file and column described), LICENSE.txt, manifest.json "
                    + "and, per kind of item, a CSV (RFC 4180, UTF-8, header row) and a JSON Lines file. Served "
                    + "from the nightly file with ETag and Last-Modified (conditional requests get 304); "
                    + "generated and streamed when older than a day. Rate-limited per address.",
            responses = @ApiResponse(responseCode = "200", description = "The ZIP",
                    content = @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))))
    void all(ServletWebRequest request, HttpServletResponse response) {
        send(openData.everything(), request, response);
    }

    @GetMapping("/api/v1/exports/{process}.zip")
    @PublicEndpoint("open data: everything in it is public on the platform")
    @RateLimited(RateLimit.EXPORT_PER_ADDRESS)
    @Operation(operationId = "exportProcess", summary = "Download one process as open data",
            description = "The same files as the whole platform's export, limited to the process (its "
                    + "consultations, versions, paragraphs, comments, submissions, statements, moderation log) and "
                    + "the organisations. `process` is the process slug. 404 problem when there is no such process.",
            responses = @ApiResponse(responseCode = "200", description = "The ZIP",
                    content = @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))))
    void process(@PathVariable String process, ServletWebRequest request, HttpServletResponse response) {
        send(target(process), request, response);
    }

    @PostMapping("/api/v1/exports/all/regeneration")
    @RequiresSignIn
    @Operation(operationId = "exportRegenerateAll", summary = "Generate the whole platform's export now",
            description = "Administrators only (403 problem `not-allowed` otherwise). Answers when the new file "
                    + "is in place; downloads then get it.")
    ExportFileJson regenerateAll(Actor actor) {
        return ExportFileJson.of(openData.regenerate(openData.everything(), actor).orThrow());
    }

    @PostMapping("/api/v1/exports/{process}/regeneration")
    @RequiresSignIn
    @Operation(operationId = "exportRegenerate", summary = "Generate a process's export now",
            description = "The secretariat of the process or an administrator (403 problem `not-allowed` "
                    + "otherwise; 404 when there is no such process). Answers when the new file is in place.")
    ExportFileJson regenerate(@PathVariable String process, Actor actor) {
        return ExportFileJson.of(openData.regenerate(target(process), actor).orThrow());
    }

    private OpenData.Target target(String slug) {
        return openData.ofProcess(slug).orElseThrow(() -> new RefusedException(
                Refusal.notFound("process-not-found", "There is no process " + slug + ".")));
    }

    private void send(OpenData.Target target, ServletWebRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"polylogue-" + target.fileName() + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
        try {
            var fresh = openData.fresh(target);
            if (fresh.isPresent()) {
                ExportFile file = fresh.get();
                if (request.checkNotModified(file.etag(), file.generatedAt().toEpochMilli())) {
                    return;
                }
                // opened before sizing, so that a regeneration replacing the file meanwhile cannot mix two
                try (var channel = Files.newByteChannel(file.path())) {
                    response.setContentType(ZIP);
                    response.setContentLengthLong(channel.size());
                    Channels.newInputStream(channel).transferTo(response.getOutputStream());
                }
                return;
            }
            response.setContentType(ZIP);
            openData.stream(target, response.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
