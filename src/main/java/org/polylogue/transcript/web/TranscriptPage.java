package org.polylogue.transcript.web;

import java.util.List;
import java.util.Map;
import org.polylogue.meeting.MeetingView;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.transcript.SpeakerStatistics;
import org.polylogue.transcript.TranscriptView;
import org.polylogue.transcript.TurnView;

/**
 * What the transcript page shows.
 *
 * @param transcript the transcript, or null when the meeting has none yet
 * @param turns the turns shown (all, or one speaker's)
 * @param speaker the speaker filter as chosen ("" for everyone, "-" for unknown speakers)
 * @param organizations the organisations linked to speakers, by id
 * @param canManage whether the reader may import and link speakers
 */
public record TranscriptPage(MeetingView meeting, TranscriptView transcript, List<TurnView> turns, String speaker,
        List<SpeakerStatistics> statistics, Map<String, OrganizationView> organizations, boolean canManage) {

    public OrganizationView organization(String id) {
        return id == null ? null : organizations.get(id);
    }
}
