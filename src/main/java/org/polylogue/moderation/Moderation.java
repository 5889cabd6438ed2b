package org.polylogue.moderation;

import java.util.Collection;
import java.util.Map;
import org.polylogue.moderation.internal.HiddenItems;
import org.springframework.stereotype.Service;

/** The moderation module's front door. */
@Service
public class Moderation {

    private final HiddenItems hiddenItems;

    Moderation(HiddenItems hiddenItems) {
        this.hiddenItems = hiddenItems;
    }

    /** Which of these items of a kind are hidden now, with the notice to show instead; others are absent. */
    public Map<String, HiddenNotice> hidden(String kind, Collection<String> ids) {
        return hiddenItems.find(kind, ids);
    }
}
