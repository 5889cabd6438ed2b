package org.polylogue.meeting;

import java.util.List;

/** The public list of a meeting's participants by stakeholder group, with the counts. */
public record Participants(int registered, int waiting, Integer capacity, List<ParticipantGroup> groups) {}
