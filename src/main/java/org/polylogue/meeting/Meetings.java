package org.polylogue.meeting;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.polylogue.meeting.internal.MeetingRepository;
import org.polylogue.process.ProcessPermissions;
import org.polylogue.process.Processes;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Meetings: schedule and find. */
@Service
public class Meetings {

    private final MeetingRepository repository;
    private final Processes processes;
    private final ProcessPermissions processPermissions;
    private final Clock clock;

    Meetings(MeetingRepository repository, Processes processes, ProcessPermissions processPermissions, Clock clock) {
        this.repository = repository;
        this.processes = processes;
        this.processPermissions = processPermissions;
        this.clock = clock;
    }

    /**
     * Schedules a meeting: for a process, by its secretariat (or an administrator); standing alone,
     * by an administrator.
     */
    @Transactional
    public Result<MeetingView> create(CreateMeeting request, Actor actor) {
        if (actor == null) {
            return Result.rejected(Refusal.forbidden("sign-in-required", "Sign in to schedule a meeting."));
        }
        String processId = null;
        if (request.processSlug() != null && !request.processSlug().isBlank()) {
            var process = processes.find(request.processSlug());
            if (process.isEmpty()) {
                return Result.rejected(Refusal.invalid("processSlug", "no process has this slug"));
            }
            processId = process.get().id();
            if (!processPermissions.canRun(actor, processId)) {
                return Result.rejected(Refusal.forbidden("not-secretariat",
                        "Only the process's secretariat can schedule its meetings."));
            }
        } else if (!actor.administrator()) {
            return Result.rejected(Refusal.forbidden("not-administrator",
                    "Only an administrator can schedule a meeting outside a process."));
        }
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            return Result.rejected(Refusal.invalid("timeZone", "must be a time zone such as Europe/Geneva"));
        }
        if (!request.endsAt().isAfter(request.startsAt())) {
            return Result.rejected(Refusal.invalid("endsAt", "must be after the start"));
        }
        if (repository.findBySlug(request.slug()).isPresent()) {
            return Result.rejected(Refusal.conflict("duplicate-slug", "A meeting with this slug already exists.", "slug"));
        }
        var meeting = new MeetingView(Ids.next(), request.slug(), processId, request.title().strip(), request.kind(),
                request.startsAt().toInstant(), request.endsAt().toInstant(), request.timeZone(),
                blankToNull(request.place()), blankToNull(request.onlineUrl()), request.capacity(),
                request.agenda() == null ? "" : request.agenda().strip(), actor.accountId(), Instant.now(clock));
        repository.insert(meeting);
        return Result.ok(meeting);
    }

    public Optional<MeetingView> find(String slug) {
        return repository.findBySlug(slug);
    }

    public Optional<MeetingView> findById(String id) {
        return id == null ? Optional.empty() : repository.findById(id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
