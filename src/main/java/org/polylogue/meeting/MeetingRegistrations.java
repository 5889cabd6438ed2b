package org.polylogue.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polylogue.meeting.internal.MeetingRepository;
import org.polylogue.meeting.internal.RegistrationRepository;
import org.polylogue.meeting.internal.RegistrationRepository.RegistrationRow;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration for meetings: a confirmed place while there is capacity, else the waiting list
 * (first come, first promoted). Cancelling a confirmed place promotes the first person waiting,
 * who is mailed. One registration per person and meeting; none once the meeting has started.
 */
@Service
public class MeetingRegistrations {

    private final MeetingRepository meetings;
    private final RegistrationRepository repository;
    private final MeetingPermissions permissions;
    private final ParticipantNames names;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MeetingRegistrations(MeetingRepository meetings, RegistrationRepository repository, MeetingPermissions permissions,
            ParticipantNames names, ApplicationEventPublisher events, Clock clock) {
        this.meetings = meetings;
        this.repository = repository;
        this.permissions = permissions;
        this.names = names;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers the actor (for an organisation they represent, or themselves). Refused: email not
     * confirmed (403 {@code email-not-confirmed}), an organisation they do not represent (403
     * {@code not-representative}), unknown meeting (404), cancelled (409 {@code meeting-cancelled}),
     * started (409 {@code meeting-started}), already registered or waiting (409 {@code already-registered}).
     */
    @Transactional
    public Result<Registration> register(String slug, Register request, Actor actor) {
        if (!permissions.hasConfirmedEmail(actor)) {
            return Result.rejected(MeetingPermissions.EMAIL_NOT_CONFIRMED);
        }
        var found = meetings.findBySlug(slug);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        String organizationId = blankToNull(request.organizationId());
        var refused = permissions.refuseOrganization(actor, organizationId);
        if (refused != null) {
            return Result.rejected(refused);
        }
        meetings.lock(found.get().id());
        var meeting = meetings.findById(found.get().id()).orElseThrow();
        Instant now = Instant.now(clock);
        if (meeting.cancelled()) {
            return Result.rejected(Meetings.cancelled());
        }
        if (meeting.startedAt(now)) {
            return Result.rejected(Refusal.conflict("meeting-started",
                    "Registration is closed: the meeting has started."));
        }
        if (repository.active(meeting.id(), actor.accountId()).isPresent()) {
            return Result.rejected(Refusal.conflict("already-registered",
                    "You are already registered for this meeting (or on its waiting list)."));
        }
        int registered = repository.count(meeting.id(), RegistrationStatus.REGISTERED);
        var status = meeting.capacity() == null || registered < meeting.capacity() ? RegistrationStatus.REGISTERED
                : RegistrationStatus.WAITING;
        String id = Ids.next();
        repository.insert(id, meeting.id(), actor.accountId(), organizationId, status, request.hidden(), now);
        events.publishEvent(new ParticipantRegistered(meeting.id(), id, actor.accountId(), status));
        return Result.ok(view(repository.find(id).orElseThrow()));
    }

    /**
     * Cancels the actor's registration (or place on the waiting list); a freed place goes to the first
     * person waiting. Refused: not registered (404 {@code not-registered}), the meeting started (409).
     */
    @Transactional
    public Result<Registration> cancel(String slug, Actor actor) {
        if (actor == null) {
            return Result.rejected(Refusal.forbidden("sign-in-required", "Sign in to cancel your registration."));
        }
        var found = meetings.findBySlug(slug);
        if (found.isEmpty()) {
            return Result.rejected(notFound());
        }
        meetings.lock(found.get().id());
        var meeting = meetings.findById(found.get().id()).orElseThrow();
        var mine = repository.active(meeting.id(), actor.accountId());
        if (mine.isEmpty()) {
            return Result.rejected(Refusal.notFound("not-registered", "You are not registered for this meeting."));
        }
        Instant now = Instant.now(clock);
        if (meeting.startedAt(now)) {
            return Result.rejected(Refusal.conflict("meeting-started",
                    "The meeting has started; registrations can no longer change."));
        }
        var registration = view(mine.get());
        repository.cancel(mine.get().id(), now);
        if (!meeting.cancelled()) {
            fillFreePlaces(meeting, now);
        }
        return Result.ok(registration);
    }

    /** Promotes people from the waiting list while there are free places (call with the meeting locked). */
    void fillFreePlaces(MeetingView meeting, Instant now) {
        while (meeting.capacity() == null
                || repository.count(meeting.id(), RegistrationStatus.REGISTERED) < meeting.capacity()) {
            var first = repository.firstWaiting(meeting.id());
            if (first.isEmpty()) {
                return;
            }
            repository.promote(first.get().id(), now);
            events.publishEvent(new ParticipantPromoted(meeting.id(), first.get().id(), first.get().accountId()));
        }
    }

    /** The actor's registration for the meeting, if any. */
    public Optional<Registration> mine(String meetingId, Actor actor) {
        return actor == null ? Optional.empty() : repository.active(meetingId, actor.accountId()).map(this::view);
    }

    public Optional<Registration> find(String registrationId) {
        return repository.find(registrationId).map(this::view);
    }

    /** The registered participants by stakeholder group (hidden names as null), with the counts. */
    public Participants participants(MeetingView meeting) {
        var rows = repository.activeOf(meeting.id());
        var registered = rows.stream().filter(r -> r.status() == RegistrationStatus.REGISTERED).toList();
        var lookup = names.lookup(registered.stream().map(RegistrationRow::accountId).toList(),
                registered.stream().map(RegistrationRow::organizationId).toList());
        List<Participant> participants = registered.stream().map(r -> {
            var organization = lookup.organization(r.organizationId());
            return new Participant(lookup.name(r.accountId(), r.hideName()), r.organizationId(),
                    organization == null ? null : organization.name(), organization != null && organization.verified(),
                    lookup.group(r.organizationId()), lookup.groupLabel(r.organizationId()));
        }).toList();
        var groups = new ArrayList<ParticipantGroup>();
        ParticipantNames.byGroup(participants, Participant::group)
                .forEach((group, members) -> groups.add(new ParticipantGroup(group, ParticipantNames.label(group), members)));
        return new Participants(registered.size(), rows.size() - registered.size(), meeting.capacity(), groups);
    }

    List<MeetingParticipant> participantsOf(String meetingId) {
        var registered = repository.activeOf(meetingId).stream()
                .filter(r -> r.status() == RegistrationStatus.REGISTERED).toList();
        var lookup = names.lookup(registered.stream().map(RegistrationRow::accountId).toList(), List.of());
        return registered.stream().map(r -> new MeetingParticipant(r.accountId(), lookup.names().get(r.accountId()),
                r.organizationId(), r.hideName())).toList();
    }

    private Registration view(RegistrationRow row) {
        Integer position = row.status() == RegistrationStatus.WAITING
                ? repository.waitingPosition(row.meetingId(), row.queueNumber()) : null;
        return new Registration(row.id(), row.meetingId(), row.accountId(), row.organizationId(), row.status(),
                row.hideName(), row.registeredAt(), row.promotedAt(), position);
    }

    static Refusal notFound() {
        return Refusal.notFound("meeting-not-found", "There is no such meeting.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
