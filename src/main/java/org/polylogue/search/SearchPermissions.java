package org.polylogue.search;

import org.polylogue.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Who may do what with search: anyone searches; content visible to few is found by those accounts
 * (and by platform administrators, who may see drafts anyway); only administrators rebuild the index.
 */
@Component
public class SearchPermissions {

    public boolean canReindex(Actor actor) {
        return actor != null && actor.administrator();
    }

    /** Whether the actor finds everything that is visible to few, whoever it is visible to. */
    public boolean seesEverything(Actor actor) {
        return actor != null && actor.administrator();
    }
}
