package org.polylogue.amendment;

/** The secretariat gave (or changed) the disposition of an amendment; still a draft until published. */
public record AmendmentDisposed(String amendmentId, String consultationId, String decision) {}
