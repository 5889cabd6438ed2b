package org.polylogue.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.meeting.internal.MeetingRepository;
import org.polylogue.meeting.internal.RegistrationRepository;
import org.polylogue.meeting.internal.SpeakerRepository;
import org.polylogue.meeting.internal.SpeakerRepository.SpeakerRow;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A meeting's speakers list. Registered participants (not those waiting for a place) request the
 * floor for an organisation they represent or for themselves, one open request at a time, until the
 * meeting ends; the chair (secretariat of the process, or an administrator) orders the list, marks
 * who spoke and removes requests; a participant may withdraw their own request.
 */
@Service
public class SpeakersLists {

    private final MeetingRepository meetings;
    private final RegistrationRepository registrations;
    private final SpeakerRepository repository;
    private final MeetingPermissions permissions;
    private final ParticipantNames names;
    private final Clock clock;

    SpeakersLists(MeetingRepository meetings, RegistrationRepository registrations, SpeakerRepository repository,
            MeetingPermissions permissions, ParticipantNames names, Clock clock) {
        this.meetings = meetings;
        this.registrations = registrations;
        this.repository = repository;
        this.permissions = permissions;
        this.names = names;
        this.clock = clock;
    }

    /**
     * Asks for the floor. Refused: not registered with a confirmed place (403 {@code not-registered}),
     * an organisation the actor does not represent (403), a request already open (409
     * {@code already-requested}), the meeting cancelled or over (409).
     */
    @Transactional
    public Result<SpeakerRequest> request(String slug, RequestFloor request, Actor actor) {
        if (!permissions.hasConfirmedEmail(actor)) {
            return Result.rejected(MeetingPermissions.EMAIL_NOT_CONFIRMED);
        }
        var found = meetings.findBySlug(slug);
        if (found.isEmpty()) {
            return Result.rejected(MeetingRegistrations.notFound());
        }
        var meeting = found.get();
        var registration = registrations.active(meeting.id(), actor.accountId());
        if (registration.isEmpty() || registration.get().status() != RegistrationStatus.REGISTERED) {
            return Result.rejected(Refusal.forbidden("not-registered",
                    "Only registered participants can ask for the floor."));
        }
        String organizationId = request == null || request.organizationId() == null || request.organizationId().isBlank()
                ? null : request.organizationId().strip();
        var refused = permissions.refuseOrganization(actor, organizationId);
        if (refused != null) {
            return Result.rejected(refused);
        }
        meetings.lock(meeting.id());
        Instant now = Instant.now(clock);
        var refusedState = refuseState(meetings.findById(meeting.id()).orElseThrow(), now);
        if (refusedState != null) {
            return Result.rejected(refusedState);
        }
        if (repository.hasOpenRequest(meeting.id(), actor.accountId())) {
            return Result.rejected(Refusal.conflict("already-requested", "You have already asked for the floor."));
        }
        int last = repository.of(meeting.id()).stream().filter(r -> !r.spoke()).mapToInt(SpeakerRow::position).max()
                .orElse(0);
        String id = Ids.next();
        repository.insert(id, meeting.id(), actor.accountId(), organizationId, last + 1, now);
        var list = list(meeting);
        return Result.ok(list.waiting().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow());
    }

    /** Moves a waiting request to a position (1 = next); positions beyond the end put it last. Chair only. */
    @Transactional
    public Result<SpeakersList> move(String slug, String requestId, int position, Actor actor) {
        return chair(slug, requestId, actor, (meeting, row, now) -> {
            if (row.spoke()) {
                return Refusal.conflict("already-spoke", "This speaker has already spoken.");
            }
            if (position < 1) {
                return Refusal.invalid("position", "must be 1 or more");
            }
            var waiting = new ArrayList<>(repository.of(meeting.id()).stream().filter(r -> !r.spoke()).toList());
            waiting.removeIf(r -> r.id().equals(row.id()));
            waiting.add(Math.min(position, waiting.size() + 1) - 1, row);
            for (int i = 0; i < waiting.size(); i++) {
                repository.setPosition(waiting.get(i).id(), i + 1);
            }
            return null;
        });
    }

    /** Moves a waiting request one place up ({@code up} true) or down. Chair only. */
    @Transactional
    public Result<SpeakersList> step(String slug, String requestId, boolean up, Actor actor) {
        var meeting = meetings.findBySlug(slug);
        if (meeting.isEmpty()) {
            return Result.rejected(MeetingRegistrations.notFound());
        }
        int current = 1;
        for (var row : repository.of(meeting.get().id())) {
            if (!row.spoke() && row.id().equals(requestId)) {
                break;
            }
            if (!row.spoke()) {
                current++;
            }
        }
        return move(slug, requestId, Math.max(1, up ? current - 1 : current + 1), actor);
    }

    /** Marks that the speaker had the floor. Chair only. */
    @Transactional
    public Result<SpeakersList> markSpoke(String slug, String requestId, Actor actor) {
        return chair(slug, requestId, actor, (meeting, row, now) -> {
            if (row.spoke()) {
                return Refusal.conflict("already-spoke", "This speaker has already spoken.");
            }
            repository.markSpoke(row.id(), now);
            return null;
        });
    }

    /** Removes a request: the chair any, a participant their own waiting one. */
    @Transactional
    public Result<SpeakersList> remove(String slug, String requestId, Actor actor) {
        var found = meetings.findBySlug(slug);
        if (found.isEmpty()) {
            return Result.rejected(MeetingRegistrations.notFound());
        }
        var row = repository.find(found.get().id(), requestId);
        boolean chair = permissions.canChair(actor, found.get());
        boolean own = actor != null && row.isPresent() && row.get().accountId().equals(actor.accountId())
                && !row.get().spoke();
        if (!chair && !own) {
            // someone else's (or no such) request: refused without saying which
            return Result.rejected(MeetingPermissions.NOT_CHAIR);
        }
        if (row.isEmpty()) {
            return Result.rejected(requestNotFound());
        }
        meetings.lock(found.get().id());
        repository.remove(requestId, Instant.now(clock));
        return Result.ok(list(found.get()));
    }

    /** The list with names, organisations, groups and the counts per group. */
    public SpeakersList list(MeetingView meeting) {
        var rows = repository.of(meeting.id());
        var lookup = names.lookup(rows.stream().map(SpeakerRow::accountId).toList(),
                rows.stream().map(SpeakerRow::organizationId).toList());
        Map<String, Boolean> hidden = new java.util.HashMap<>();
        registrations.activeOf(meeting.id()).forEach(r -> hidden.put(r.accountId(), r.hideName()));
        List<SpeakerRequest> waiting = new ArrayList<>();
        List<SpeakerRequest> spoke = new ArrayList<>();
        int position = 0;
        for (var row : rows) {
            var organization = lookup.organization(row.organizationId());
            var request = new SpeakerRequest(row.id(), row.spoke() ? 0 : ++position, row.accountId(),
                    lookup.name(row.accountId(), hidden.getOrDefault(row.accountId(), false)), row.organizationId(),
                    organization == null ? null : organization.name(), organization != null && organization.verified(),
                    lookup.group(row.organizationId()), lookup.groupLabel(row.organizationId()), row.spoke(),
                    row.requestedAt(), row.spokeAt());
            (row.spoke() ? spoke : waiting).add(request);
        }
        Map<String, int[]> counts = new java.util.TreeMap<>(ParticipantNames.ORDER);
        waiting.forEach(r -> counts.computeIfAbsent(r.group(), g -> new int[2])[0]++);
        spoke.forEach(r -> counts.computeIfAbsent(r.group(), g -> new int[2])[1]++);
        var groups = new ArrayList<SpeakersList.GroupCount>();
        new LinkedHashMap<>(counts).forEach((group, count) -> groups.add(new SpeakersList.GroupCount(group,
                ParticipantNames.label(group), count[0], count[1])));
        return new SpeakersList(waiting, spoke, groups);
    }

    private interface ChairAction {
        Refusal apply(MeetingView meeting, SpeakerRow row, Instant now);
    }

    private Result<SpeakersList> chair(String slug, String requestId, Actor actor, ChairAction action) {
        var found = meetings.findBySlug(slug);
        if (found.isEmpty()) {
            return Result.rejected(MeetingRegistrations.notFound());
        }
        if (!permissions.canChair(actor, found.get())) {
            return Result.rejected(MeetingPermissions.NOT_CHAIR);
        }
        meetings.lock(found.get().id());
        var row = repository.find(found.get().id(), requestId);
        if (row.isEmpty()) {
            return Result.rejected(requestNotFound());
        }
        var refused = action.apply(found.get(), row.get(), Instant.now(clock));
        if (refused != null) {
            return Result.rejected(refused);
        }
        return Result.ok(list(found.get()));
    }

    private static Refusal refuseState(MeetingView meeting, Instant now) {
        if (meeting.cancelled()) {
            return Meetings.cancelled();
        }
        if (meeting.endedAt(now)) {
            return Refusal.conflict("meeting-ended", "The meeting is over.");
        }
        return null;
    }

    private static Refusal requestNotFound() {
        return Refusal.notFound("speaker-request-not-found", "There is no such request on the speakers list.");
    }
}
