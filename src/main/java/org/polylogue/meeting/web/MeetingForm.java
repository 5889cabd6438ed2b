package org.polylogue.meeting.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polylogue.meeting.CreateMeeting;
import org.polylogue.meeting.EditMeeting;
import org.polylogue.meeting.MeetingKind;
import org.polylogue.shared.Refusal;

/** The schedule/edit form's fields: local times read in the chosen time zone. */
record MeetingForm(Map<String, String> fields) {

    record Parsed<T>(T request, List<Refusal.FieldMessage> errors) {}

    Parsed<CreateMeeting> create(String processSlug) {
        var errors = new ArrayList<Refusal.FieldMessage>();
        var zone = zone(errors);
        var request = new CreateMeeting(text("slug"), text("title"), kind(errors), time("startsAt", zone, errors),
                time("endsAt", zone, errors), text("timeZone"), text("place"), text("onlineUrl"), capacity(errors),
                text("agenda"), processSlug);
        return new Parsed<>(request, errors);
    }

    Parsed<EditMeeting> edit() {
        var errors = new ArrayList<Refusal.FieldMessage>();
        var zone = zone(errors);
        Integer capacity = capacity(errors);
        var request = new EditMeeting(text("title"), kind(errors), time("startsAt", zone, errors),
                time("endsAt", zone, errors), text("timeZone"), fields.getOrDefault("place", ""),
                fields.getOrDefault("onlineUrl", ""), capacity == null ? Integer.valueOf(0) : capacity,
                fields.getOrDefault("agenda", ""));
        return new Parsed<>(request, errors);
    }

    private String text(String name) {
        String value = fields.get(name);
        return value == null ? null : value.strip();
    }

    private ZoneId zone(List<Refusal.FieldMessage> errors) {
        try {
            return ZoneId.of(fields.getOrDefault("timeZone", "").strip());
        } catch (RuntimeException e) {
            errors.add(new Refusal.FieldMessage("timeZone", "must be a time zone such as Europe/Zurich or UTC"));
            return null;
        }
    }

    private MeetingKind kind(List<Refusal.FieldMessage> errors) {
        var kind = MeetingKind.parse(fields.getOrDefault("kind", ""));
        if (kind == null) {
            errors.add(new Refusal.FieldMessage("kind", "is required: choose the kind of meeting"));
        }
        return kind;
    }

    private OffsetDateTime time(String name, ZoneId zone, List<Refusal.FieldMessage> errors) {
        String value = fields.getOrDefault(name, "").strip();
        if (value.isEmpty()) {
            errors.add(new Refusal.FieldMessage(name, "is required"));
            return null;
        }
        try {
            var local = LocalDateTime.parse(value);
            return zone == null ? null : local.atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.add(new Refusal.FieldMessage(name, "must be a date and time such as 2027-03-04T10:00"));
            return null;
        }
    }

    private Integer capacity(List<Refusal.FieldMessage> errors) {
        String value = fields.getOrDefault("capacity", "").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            int capacity = Integer.parseInt(value);
            if (capacity < 1) {
                errors.add(new Refusal.FieldMessage("capacity", "must be positive, or empty for no limit"));
            }
            return capacity;
        } catch (NumberFormatException e) {
            errors.add(new Refusal.FieldMessage("capacity", "must be a whole number, or empty for no limit"));
            return null;
        }
    }
}
