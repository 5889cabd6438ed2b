package org.polylogue.meeting.web;

import java.util.List;
import org.polylogue.meeting.MeetingDetails;
import org.polylogue.meeting.Participants;
import org.polylogue.meeting.Registration;
import org.polylogue.meeting.SpeakersList;
import org.polylogue.stakeholder.OrganizationView;

/**
 * What the meeting page shows.
 *
 * @param registrationOpen the meeting is neither cancelled nor started
 * @param mine the viewer's registration, or null
 * @param representedBy organisations the viewer may register for
 */
public record MeetingPage(MeetingDetails details, String agendaHtml, Participants participants, SpeakersList speakers,
        boolean canChair, boolean registrationOpen, boolean ended, Registration mine,
        List<OrganizationView> representedBy, String mineOrganizationName) {}
