package org.polylogue.contribution.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.polylogue.contribution.ImportReport;
import org.polylogue.contribution.SubmitComment;
import org.polylogue.drafting.DocumentVersion;
import org.polylogue.process.ConsultationView;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.stakeholder.Country;
import org.polylogue.stakeholder.StakeholderGroup;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON Lines of {@code {externalId, author, organization?, stakeholderGroup?, country?,
 * paragraphId?, body, submittedAt}} and stores them all, or none with every problem by line.
 */
@Component
public class CommentImport {

    public static final int MAX_LINES = 100_000;
    private static final int MAX_REPORTED = 100;
    private static final Set<String> FIELDS = Set.of("externalId", "author", "organization", "stakeholderGroup",
            "country", "paragraphId", "body", "submittedAt");

    private final JsonMapper json;
    private final CommentRepository repository;
    private final org.springframework.context.ApplicationEventPublisher events;

    CommentImport(JsonMapper json, CommentRepository repository,
            org.springframework.context.ApplicationEventPublisher events) {
        this.json = json;
        this.repository = repository;
        this.events = events;
    }

    public Result<ImportReport> importLines(ConsultationView consultation, DocumentVersion version, String text) {
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        List<CommentRow> rows = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        var paragraphs = version.paragraphsById();
        String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            count++;
            if (count > MAX_LINES) {
                errors.add(new Refusal.FieldMessage("line " + (i + 1), "more than " + MAX_LINES + " lines; split the file"));
                break;
            }
            String at = "line " + (i + 1);
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JacksonException e) {
                errors.add(new Refusal.FieldMessage(at, "is not valid JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (!node.isObject()) {
                errors.add(new Refusal.FieldMessage(at, "must be a JSON object"));
                continue;
            }
            int before = errors.size();
            for (String name : node.propertyNames()) {
                if (!FIELDS.contains(name)) {
                    errors.add(new Refusal.FieldMessage(at + ": " + name, "is not a known field"));
                }
            }
            String externalId = text(node, "externalId", at, true, 200, errors);
            String author = text(node, "author", at, true, 200, errors);
            String organization = text(node, "organization", at, false, 300, errors);
            String group = text(node, "stakeholderGroup", at, false, 50, errors);
            String country = text(node, "country", at, false, 2, errors);
            String paragraphId = text(node, "paragraphId", at, false, 50, errors);
            String body = text(node, "body", at, true, SubmitComment.MAX_BODY, errors);
            String submitted = text(node, "submittedAt", at, true, 50, errors);
            if (group != null && StakeholderGroup.parse(group) == null && !group.equals("INDIVIDUAL")) {
                errors.add(new Refusal.FieldMessage(at + ": stakeholderGroup", "must be one of MEMBER_STATE, "
                        + "INTERGOVERNMENTAL, PRIVATE_SECTOR, CIVIL_SOCIETY, ACADEMIA, TECHNICAL_COMMUNITY, INDIVIDUAL"));
            }
            if (country != null) {
                country = country.toUpperCase(Locale.ROOT);
                if (!Country.isValid(country)) {
                    errors.add(new Refusal.FieldMessage(at + ": country", "is not an ISO 3166-1 alpha-2 code"));
                }
            }
            if (paragraphId != null && !paragraphs.containsKey(paragraphId)) {
                errors.add(new Refusal.FieldMessage(at + ": paragraphId", "no paragraph with this id in the current draft"));
            }
            Instant submittedAt = null;
            if (submitted != null) {
                try {
                    submittedAt = OffsetDateTime.parse(submitted).toInstant();
                } catch (DateTimeParseException e) {
                    errors.add(new Refusal.FieldMessage(at + ": submittedAt",
                            "is not an ISO-8601 timestamp with offset, such as 2026-11-02T09:30:00Z"));
                }
            }
            if (externalId != null && !seen.add(externalId)) {
                errors.add(new Refusal.FieldMessage(at + ": externalId", "appears twice in this file"));
            }
            if (errors.size() == before) {
                rows.add(new CommentRow(Ids.next(), consultation.id(), paragraphId, version.number(), null, author,
                        null, organization, group, country, body, CommentMarkdown.toHtml(body), "import", submittedAt));
                externalIds.add(externalId);
            }
        }
        if (count == 0 && errors.isEmpty()) {
            errors.add(new Refusal.FieldMessage("body", "is empty; send one JSON object per line"));
        }
        if (!errors.isEmpty()) {
            var reported = errors.size() > MAX_REPORTED ? new ArrayList<>(errors.subList(0, MAX_REPORTED)) : errors;
            if (errors.size() > MAX_REPORTED) {
                reported.add(new Refusal.FieldMessage("more", (errors.size() - MAX_REPORTED) + " more problems not listed"));
            }
            return Result.rejected(new Refusal(Refusal.Kind.INVALID, "invalid-import",
                    "Nothing was imported: " + errors.size() + " problem(s) in the file.", reported));
        }
        var already = repository.existingExternalIds(consultation.id(), externalIds);
        List<CommentRow> fresh = new ArrayList<>();
        List<String> freshIds = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!already.contains(externalIds.get(i))) {
                fresh.add(rows.get(i));
                freshIds.add(externalIds.get(i));
            }
        }
        repository.insertImported(fresh, freshIds);
        // a line imported concurrently by another request is skipped by the database (on conflict);
        // re-reading tells exactly which rows are ours
        var stored = repository.existingIds(fresh.stream().map(CommentRow::id).toList());
        var inserted = fresh.stream().filter(row -> stored.contains(row.id())).toList();
        inserted.forEach(row -> {
            events.publishEvent(new org.polylogue.contribution.CommentSubmitted(row.id(), row.consultationId(),
                    row.paragraphId(), null));
            events.publishEvent(new org.polylogue.shared.search.SearchableChanged(CommentModeration.KIND, row.id()));
        });
        return Result.ok(new ImportReport(count, inserted.size(), count - inserted.size()));
    }

    private static String text(JsonNode node, String field, String at, boolean required, int max,
            List<Refusal.FieldMessage> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new Refusal.FieldMessage(at + ": " + field, "is required"));
            }
            return null;
        }
        if (!value.isString()) {
            errors.add(new Refusal.FieldMessage(at + ": " + field, "must be a string"));
            return null;
        }
        String text = value.asString().strip();
        if (text.isEmpty()) {
            if (required) {
                errors.add(new Refusal.FieldMessage(at + ": " + field, "is empty"));
            }
            return null;
        }
        if (text.length() > max) {
            errors.add(new Refusal.FieldMessage(at + ": " + field, "is longer than " + max + " characters"));
            return null;
        }
        return text;
    }
}
