package org.polylogue.moderation;

/** Published when an item was hidden ({@code hidden} true) or shown again after a review (false). */
public record ContentHidden(String kind, String id, String processId, boolean hidden) {}
