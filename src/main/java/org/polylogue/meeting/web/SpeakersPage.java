package org.polylogue.meeting.web;

import java.util.List;
import org.polylogue.meeting.MeetingView;
import org.polylogue.meeting.SpeakersList;
import org.polylogue.stakeholder.OrganizationView;

/**
 * What the speakers page shows.
 *
 * @param registered the viewer has a confirmed place (so may ask for the floor)
 * @param requested the viewer is waiting on the list
 * @param registeredFor the organisation the viewer registered for, or null
 */
public record SpeakersPage(MeetingView meeting, SpeakersList list, boolean canChair, boolean registered,
        boolean requested, List<OrganizationView> representedBy, String registeredFor) {}
