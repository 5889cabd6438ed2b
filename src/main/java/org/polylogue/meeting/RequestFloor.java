package org.polylogue.meeting;

/** A request for the floor: for an organisation one represents, or for oneself ({@code organizationId} absent). */
public record RequestFloor(String organizationId) {}
