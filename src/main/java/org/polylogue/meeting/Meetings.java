package org.polylogue.meeting;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polylogue.meeting.internal.MeetingRepository;
import org.polylogue.meeting.internal.RegistrationRepository;
import org.polylogue.process.ProcessPermissions;
import org.polylogue.process.ProcessView;
import org.polylogue.process.Processes;
import org.polylogue.shared.Ids;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings: schedule, change, cancel, link documents, find and list. Registration is in
 * {@link MeetingRegistrations}, the speakers list in {@link SpeakersLists}, calendars in
 * {@link MeetingCalendars}.
 */
@Service
public class Meetings {

    /** Slugs that name pages rather than meetings. */
    private static final Set<String> RESERVED = Set.of("new");

    private final MeetingRepository repository;
    private final RegistrationRepository registrations;
    private final Processes processes;
    private final ProcessPermissions processPermissions;
    private final MeetingPermissions permissions;
    private final MeetingRegistrations meetingRegistrations;
    private final Clock clock;
    private final org.springframework.core.env.Environment environment;
    private final org.springframework.context.ApplicationEventPublisher events;

    Meetings(MeetingRepository repository, RegistrationRepository registrations, Processes processes,
            ProcessPermissions processPermissions, MeetingPermissions permissions,
            MeetingRegistrations meetingRegistrations, Clock clock, org.springframework.core.env.Environment environment,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.registrations = registrations;
        this.processes = processes;
        this.processPermissions = processPermissions;
        this.permissions = permissions;
        this.meetingRegistrations = meetingRegistrations;
        this.clock = clock;
        this.environment = environment;
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
        var errors = new ArrayList<Refusal.FieldMessage>();
        if (RESERVED.contains(request.slug())) {
            errors.add(new Refusal.FieldMessage("slug", "is reserved; choose another"));
        }
        checkTimes(request.timeZone(), request.startsAt().toInstant(), request.endsAt().toInstant(), errors);
        checkUrl(request.onlineUrl(), "onlineUrl", errors);
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        if (repository.findBySlug(request.slug()).isPresent()) {
            return Result.rejected(Refusal.conflict("duplicate-slug", "A meeting with this slug already exists.", "slug"));
        }
        Instant now = Instant.now(clock);
        var meeting = new MeetingView(Ids.next(), request.slug(), processId, request.title().strip(), request.kind(),
                request.startsAt().toInstant(), request.endsAt().toInstant(), request.timeZone(),
                blankToNull(request.place()), blankToNull(request.onlineUrl()), request.capacity(),
                request.agenda() == null ? "" : request.agenda().strip(), actor.accountId(), now, null, now, 0);
        repository.insert(meeting);
        findable(meeting.id());
        return Result.ok(meeting);
    }

    /**
     * Changes a meeting (see {@link EditMeeting}); the secretariat only (403 {@code not-secretariat});
     * 409 {@code meeting-cancelled} once cancelled. A larger capacity promotes people from the waiting list.
     */
    @Transactional
    public Result<MeetingView> edit(String slug, EditMeeting request, Actor actor) {
        var found = chaired(slug, actor);
        if (found instanceof Result.Rejected<MeetingView> refused) {
            return refused;
        }
        var meeting = found.orThrow();
        repository.lock(meeting.id());
        if (meeting.cancelled()) {
            return Result.rejected(cancelled());
        }
        var errors = new ArrayList<Refusal.FieldMessage>();
        String title = request.title() == null ? meeting.title() : request.title().strip();
        if (title.isEmpty()) {
            errors.add(new Refusal.FieldMessage("title", "is required"));
        } else if (title.length() > 300) {
            errors.add(new Refusal.FieldMessage("title", "must be at most 300 characters"));
        }
        Instant startsAt = request.startsAt() == null ? meeting.startsAt() : request.startsAt().toInstant();
        Instant endsAt = request.endsAt() == null ? meeting.endsAt() : request.endsAt().toInstant();
        String zone = request.timeZone() == null ? meeting.timeZone() : request.timeZone().strip();
        checkTimes(zone, startsAt, endsAt, errors);
        String place = request.place() == null ? meeting.place() : blankToNull(request.place());
        String online = request.onlineUrl() == null ? meeting.onlineUrl() : blankToNull(request.onlineUrl());
        checkUrl(online, "onlineUrl", errors);
        Integer capacity = request.capacity() == null ? meeting.capacity() : request.capacity() == 0 ? null
                : request.capacity();
        if (capacity != null && capacity < 0) {
            errors.add(new Refusal.FieldMessage("capacity", "must be positive"));
        }
        if (place != null && place.length() > 300) {
            errors.add(new Refusal.FieldMessage("place", "must be at most 300 characters"));
        }
        String agenda = request.agenda() == null ? meeting.agenda() : request.agenda().strip();
        if (agenda.length() > 20000) {
            errors.add(new Refusal.FieldMessage("agenda", "must be at most 20000 characters"));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        var changed = new MeetingView(meeting.id(), meeting.slug(), meeting.processId(), title,
                request.kind() == null ? meeting.kind() : request.kind(), startsAt, endsAt, zone, place, online,
                capacity, agenda, meeting.createdBy(), meeting.createdAt(), null, meeting.updatedAt(), meeting.sequence());
        Instant now = Instant.now(clock);
        repository.update(changed, now);
        meetingRegistrations.fillFreePlaces(changed, now);
        findable(meeting.id());
        return Result.ok(repository.findById(meeting.id()).orElseThrow());
    }

    /** Cancels the meeting for good (registrations stay for the record); 409 {@code meeting-cancelled} if it is. */
    @Transactional
    public Result<MeetingView> cancel(String slug, Actor actor) {
        var found = chaired(slug, actor);
        if (found instanceof Result.Rejected<MeetingView> refused) {
            return refused;
        }
        var meeting = found.orThrow();
        repository.lock(meeting.id());
        if (repository.findById(meeting.id()).orElseThrow().cancelled()) {
            return Result.rejected(cancelled());
        }
        repository.cancel(meeting.id(), Instant.now(clock));
        findable(meeting.id());
        return Result.ok(repository.findById(meeting.id()).orElseThrow());
    }

    /** The search index takes the meeting as it is once this transaction commits. */
    private void findable(String meetingId) {
        events.publishEvent(new org.polylogue.shared.search.SearchableChanged(MEETING_KIND, meetingId));
    }

    /** The kind of meetings in search. */
    public static final String MEETING_KIND = "meeting";

    /** Links a document (title and http/https URL); the secretariat only. */
    @Transactional
    public Result<MeetingDocument> addDocument(String slug, AddDocument request, Actor actor) {
        var found = chaired(slug, actor);
        if (found instanceof Result.Rejected<MeetingView> refused) {
            return Result.rejected(refused.refusal());
        }
        var errors = new ArrayList<Refusal.FieldMessage>();
        String title = request.title() == null ? "" : request.title().strip();
        String url = request.url() == null ? "" : request.url().strip();
        if (title.isEmpty()) {
            errors.add(new Refusal.FieldMessage("title", "is required"));
        } else if (title.length() > 300) {
            errors.add(new Refusal.FieldMessage("title", "must be at most 300 characters"));
        }
        if (url.isEmpty()) {
            errors.add(new Refusal.FieldMessage("url", "is required"));
        } else {
            checkUrl(url, "url", errors);
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        String id = Ids.next();
        Instant now = Instant.now(clock);
        repository.insertDocument(id, found.orThrow().id(), title, url, actor.accountId(), now);
        return Result.ok(new MeetingDocument(id, title, url, now));
    }

    public Optional<MeetingView> find(String slug) {
        return repository.findBySlug(slug);
    }

    public Optional<MeetingView> findById(String id) {
        return id == null ? Optional.empty() : repository.findById(id);
    }

    /**
     * Every meeting of the process, past, upcoming and cancelled, oldest first (for other modules,
     * e.g. synthesis reading the transcripts of a process). Unknown process: empty.
     */
    public List<MeetingView> ofProcess(String processId) {
        return processId == null ? List.of() : repository.ofProcess(processId);
    }

    /** The documents linked to a meeting, oldest first; unknown meeting: empty. */
    public List<MeetingDocument> documents(String meetingId) {
        return meetingId == null ? List.of() : repository.documents(meetingId);
    }

    /** The meeting with its process, documents, counts and links. */
    public Optional<MeetingDetails> details(String slug) {
        return repository.findBySlug(slug).map(this::details);
    }

    public MeetingDetails details(MeetingView meeting) {
        var process = meeting.processId() == null ? Optional.<ProcessView>empty() : processes.findById(meeting.processId());
        int registered = registrations.count(meeting.id(), RegistrationStatus.REGISTERED);
        int waiting = registrations.count(meeting.id(), RegistrationStatus.WAITING);
        Integer left = meeting.capacity() == null ? null : Math.max(0, meeting.capacity() - registered);
        return new MeetingDetails(meeting, process.map(ProcessView::slug).orElse(null),
                process.map(ProcessView::title).orElse(null), repository.documents(meeting.id()), registered, waiting,
                left, publicUrl() + "/meetings/" + meeting.slug(), publicUrl() + "/meetings/" + meeting.slug() + ".ics");
    }

    /**
     * Upcoming meetings (not over yet, soonest first) or past ones (latest first), of one process
     * when {@code processSlug} is given (an unknown process gives an empty page).
     */
    public Paged<MeetingView> list(boolean upcoming, String processSlug, PageRequest page) {
        String processId = null;
        if (processSlug != null && !processSlug.isBlank()) {
            var process = processes.find(processSlug);
            if (process.isEmpty()) {
                return new Paged<>(List.of(), page.page(), page.size(), 0);
            }
            processId = process.get().id();
        }
        Instant now = Instant.now(clock);
        return new Paged<>(repository.list(upcoming, processId, now, page.offset(), page.size()), page.page(),
                page.size(), repository.count(upcoming, processId, now));
    }

    /**
     * The registered participants of a meeting (not the waiting list), in order of registration,
     * for other modules (e.g. to suggest speakers of a transcript). Unknown meeting: empty.
     */
    public List<MeetingParticipant> participants(String meetingId) {
        return meetingRegistrations.participantsOf(meetingId);
    }

    public boolean canChair(Actor actor, MeetingView meeting) {
        return permissions.canChair(actor, meeting);
    }

    /** The process a meeting may be scheduled for by this actor, or a refusal (for the form). */
    public boolean canSchedule(Actor actor, String processSlug) {
        if (actor == null) {
            return false;
        }
        if (processSlug == null) {
            return actor.administrator();
        }
        return processes.find(processSlug).map(p -> processPermissions.canRun(actor, p.id())).orElse(false);
    }

    /** {@code polylogue.public-url} without a trailing slash, read when asked (tests learn their port late). */
    public String publicUrl() {
        String url = environment.getRequiredProperty("polylogue.public-url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Result<MeetingView> chaired(String slug, Actor actor) {
        var meeting = repository.findBySlug(slug);
        if (meeting.isEmpty()) {
            return Result.rejected(Refusal.notFound("meeting-not-found", "There is no such meeting."));
        }
        if (!permissions.canChair(actor, meeting.get())) {
            return Result.rejected(MeetingPermissions.NOT_CHAIR);
        }
        return Result.ok(meeting.get());
    }

    static Refusal cancelled() {
        return Refusal.conflict("meeting-cancelled", "This meeting was cancelled.");
    }

    private static void checkTimes(String zone, Instant startsAt, Instant endsAt, List<Refusal.FieldMessage> errors) {
        try {
            ZoneId.of(zone == null ? "" : zone);
        } catch (DateTimeException e) {
            errors.add(new Refusal.FieldMessage("timeZone", "must be a time zone such as Europe/Zurich or UTC"));
        }
        if (!endsAt.isAfter(startsAt)) {
            errors.add(new Refusal.FieldMessage("endsAt", "must be after the start"));
        }
    }

    private static void checkUrl(String url, String field, List<Refusal.FieldMessage> errors) {
        if (url == null || url.isBlank()) {
            return;
        }
        try {
            var uri = new URI(url.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
                errors.add(new Refusal.FieldMessage(field, "must be an http or https address"));
            }
        } catch (java.net.URISyntaxException e) {
            errors.add(new Refusal.FieldMessage(field, "must be an http or https address"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
