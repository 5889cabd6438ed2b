package org.polylogue.position;

/** A stance taken in the period, and the position the actor held on the item before it (null: none). */
public record PositionChange(StanceView stance, Position previous) {}
