package org.polylogue.meeting;

import java.util.List;

/**
 * A meeting's speakers list: who waits for the floor (in order), who spoke (in order of speaking),
 * and per stakeholder group how many asked and spoke, so that imbalance is visible.
 */
public record SpeakersList(List<SpeakerRequest> waiting, List<SpeakerRequest> spoke, List<GroupCount> groups) {

    /** Requests and speeches of one stakeholder group (or the individuals). */
    public record GroupCount(String group, String label, int waiting, int spoke) {}
}
