package org.polylogue.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.polylogue.meeting.AddDocument;
import org.polylogue.meeting.CreateMeeting;
import org.polylogue.meeting.EditMeeting;
import org.polylogue.meeting.MeetingKind;
import org.polylogue.meeting.MeetingRegistrations;
import org.polylogue.meeting.Meetings;
import org.polylogue.meeting.Register;
import org.polylogue.meeting.RequestFloor;
import org.polylogue.meeting.SpeakersLists;
import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Meetings of the demo process: an upcoming informal consultation that is full (one person waits,
 * one hides their name) with a speakers list, and a past roundtable ({@value #ROUNDTABLE}) whose
 * registered participants are the speakers of the transcript imported into it.
 */
@Component
class DemoMeetings {

    static final String CONSULTATION = "informal-consultation-permanent-mechanism";
    static final String ROUNDTABLE = "demo-roundtable";

    private final Meetings meetings;
    private final MeetingRegistrations registrations;
    private final SpeakersLists speakers;
    private final Clock clock;

    DemoMeetings(Meetings meetings, MeetingRegistrations registrations, SpeakersLists speakers, Clock clock) {
        this.meetings = meetings;
        this.registrations = registrations;
        this.speakers = speakers;
        this.clock = clock;
    }

    void seed(String processSlug, Map<String, Actor> representatives, Map<String, String> organizationIds,
            Actor secretariat) {
        upcoming(processSlug, representatives, organizationIds, secretariat);
        roundtable(processSlug, representatives, organizationIds, secretariat);
    }

    private void upcoming(String processSlug, Map<String, Actor> representatives, Map<String, String> organizationIds,
            Actor secretariat) {
        var zone = ZoneId.of("America/New_York");
        var startsAt = Instant.now(clock).plus(Duration.ofDays(12)).atZone(zone).truncatedTo(ChronoUnit.DAYS)
                .withHour(10).toOffsetDateTime();
        meetings.create(new CreateMeeting(CONSULTATION, "Informal consultation on the permanent mechanism",
                MeetingKind.INFORMAL_CONSULTATION, startsAt, startsAt.plusHours(3), zone.getId(),
                "United Nations Headquarters, Conference Room 4", "https://webtv.example.org/informal-consultation", 6,
                """
                # Agenda

                1. Opening by the Chair
                2. Presentation of the zero draft's elements on the permanent mechanism
                3. Exchange of views with stakeholders: participation, thematic groups, capacity-building
                4. Next steps and closing

                Statements are limited to three minutes. Ask for the floor on the speakers list.""", processSlug),
                secretariat).orThrow();
        meetings.addDocument(CONSULTATION, new AddDocument("Zero draft: elements of a permanent mechanism",
                "https://docs.example.org/oewg/zero-draft-permanent-mechanism.pdf"), secretariat).orThrow();
        for (String organization : List.of("Ministry of Foreign Affairs of Kenya", "Sahel Digital Rights Collective",
                "Lotus Bay Institute for Cyber Policy", "Vistula Secure Systems", "Andean Incident Responders Network")) {
            registrations.register(CONSULTATION, new Register(organizationIds.get(organization), false),
                    representatives.get(organization)).orThrow();
        }
        // an individual who prefers not to be named, then one place too many: the waiting list
        registrations.register(CONSULTATION, new Register(null, true),
                representatives.get("Caribbean Digital Resilience Alliance")).orThrow();
        registrations.register(CONSULTATION, new Register(organizationIds.get("Northlight Cloud Services"), false),
                representatives.get("Northlight Cloud Services")).orThrow();
        for (String organization : List.of("Ministry of Foreign Affairs of Kenya", "Sahel Digital Rights Collective",
                "Andean Incident Responders Network")) {
            speakers.request(CONSULTATION, new RequestFloor(organizationIds.get(organization)),
                    representatives.get(organization)).orThrow();
        }
    }

    private void roundtable(String processSlug, Map<String, Actor> representatives,
            Map<String, String> organizationIds, Actor secretariat) {
        var zone = ZoneId.of("Europe/Zurich");
        // scheduled ahead so that people can register, then moved to the date it took place
        var planned = Instant.now(clock).plus(Duration.ofDays(1)).atZone(zone).toOffsetDateTime();
        meetings.create(new CreateMeeting(ROUNDTABLE, "Roundtable on protecting critical infrastructure",
                MeetingKind.ROUNDTABLE, planned, planned.plusHours(2), zone.getId(), "Palais des Nations, Room XXIV",
                null, null, """
                A roundtable of states and stakeholders on how the norm protecting critical infrastructure is \
                implemented, with a focus on health care and electricity.""", processSlug), secretariat).orThrow();
        for (String organization : List.of("Ministry of Foreign Affairs of Estonia", "Sahel Digital Rights Collective",
                "Ministry of Foreign Affairs of Indonesia", "Lotus Bay Institute for Cyber Policy",
                "Vistula Secure Systems", "Ministry of Foreign Affairs of the Netherlands")) {
            registrations.register(ROUNDTABLE, new Register(organizationIds.get(organization), false),
                    representatives.get(organization)).orThrow();
        }
        var held = Instant.now(clock).minus(Duration.ofDays(21)).atZone(zone).truncatedTo(ChronoUnit.DAYS).withHour(15)
                .toOffsetDateTime();
        meetings.edit(ROUNDTABLE, new EditMeeting(null, null, held, held.plusHours(2), null, null, null, null, null),
                secretariat).orThrow();
    }
}
