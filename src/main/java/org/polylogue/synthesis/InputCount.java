package org.polylogue.synthesis;

/**
 * How many inputs of one kind the latest digest counted.
 *
 * @param kind "comment", "submission", "amendment", "turn" (texts), "stance", "support", "position"
 *     (stances only)
 * @param label the number and kind in words, e.g. "3 amendments"
 * @param stanceOnly whether the kind carries a stance and no text (not in the digest's input total)
 */
public record InputCount(String kind, int count, String label, boolean stanceOnly) {}
