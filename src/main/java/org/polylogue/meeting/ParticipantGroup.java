package org.polylogue.meeting;

import java.util.List;

/** The participants of one stakeholder group (or the individuals). */
public record ParticipantGroup(String group, String label, List<Participant> participants) {}
