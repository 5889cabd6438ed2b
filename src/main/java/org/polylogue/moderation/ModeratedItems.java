package org.polylogue.moderation;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Finds an item of any kind through the module that owns it ({@link ModeratedKind}). */
@Component
class ModeratedItems {

    private final ObjectProvider<ModeratedKind> kinds;

    ModeratedItems(ObjectProvider<ModeratedKind> kinds) {
        this.kinds = kinds;
    }

    Optional<ModeratedItem> item(String kind, String id) {
        if (kind == null || id == null) {
            return Optional.empty();
        }
        return kinds.orderedStream().filter(k -> k.kind().equals(kind)).findFirst().flatMap(k -> k.find(id));
    }
}
