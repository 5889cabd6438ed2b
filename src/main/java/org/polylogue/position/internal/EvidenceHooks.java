package org.polylogue.position.internal;

import org.polylogue.shared.Ids;
import org.springframework.stereotype.Component;

/**
 * LEAD, WIRE ME: checks of evidence and items that belong to modules built in parallel with this
 * one. Until they are wired, a transcript turn and an amendment are accepted when their id has the
 * shape of a platform id (and a turn's path is a path of this site); nothing checks that they exist.
 *
 * <ul>
 *   <li>{@link #refuseTurn}: ask the transcript module's facade whether the turn exists, belongs to a
 *       meeting of the process, and return its anchor path.</li>
 *   <li>{@link #refuseAmendment}: ask the drafting module's {@code Amendments} facade whether the
 *       amendment exists (and, with a consultation id, belongs to it); {@link #AMENDMENT_PATH} is
 *       where an amendment is read.</li>
 * </ul>
 */
@Component
public class EvidenceHooks {

    /** Where an amendment is read; the lead sets the real route of the amendments pages here. */
    public static final String AMENDMENT_PATH = "/amendments/";

    /** Null when the turn may serve as evidence in the process, else a message for the field. */
    public String refuseTurn(String processId, String turnId, String path) {
        if (!Ids.looksValid(turnId)) {
            return "is not the id of a transcript turn";
        }
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(c -> c <= ' ')) {
            return "needs the path of the turn on this site, e.g. /meetings/some-meeting/transcript#turn-12";
        }
        return null;
    }

    /** Null when the amendment exists (in the consultation, when one is given), else a message for the field. */
    public String refuseAmendment(String amendmentId, String consultationId) {
        return Ids.looksValid(amendmentId) ? null : "is not the id of an amendment";
    }
}
