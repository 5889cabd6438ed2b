package org.polylogue.transcript;

/**
 * A question from the audience that the moderator read out.
 *
 * @param turnNumber the turn in which it was read out
 * @param askedBy the name as the moderator said it
 * @param online whether it came from online participants
 * @param text the question as read out, possibly empty
 * @param anchor the link to the turn
 */
public record AudienceQuestion(int turnNumber, String askedBy, boolean online, String text, String anchor) {}
