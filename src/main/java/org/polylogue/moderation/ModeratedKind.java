package org.polylogue.moderation;

import java.util.Optional;

/**
 * Implemented by each module whose content can be reported and hidden (a Spring bean): it tells
 * moderation what an item is, where it belongs and who wrote it. Moderation never changes the
 * content; the module shows a {@link HiddenNotice} in its place while the item is hidden.
 */
public interface ModeratedKind {

    /** The kind in URLs and the log: {@code comment}, {@code submission}, {@code statement}. */
    String kind();

    /** The item, or empty when there is none with this id. */
    Optional<ModeratedItem> find(String id);
}
