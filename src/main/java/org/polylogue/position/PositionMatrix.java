package org.polylogue.position;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.polylogue.position.StanceView.ActorRef;
import org.polylogue.position.StanceView.ItemRef;

/**
 * Actors × items of one process with each actor's current stance as a cell (absent where there is
 * none). Amendments are listed apart in {@code amendments}, each with the stances taken on it: support
 * for one amendment says nothing of everyone else. {@code group} and {@code region} echo the filters
 * applied (null: all).
 */
public record PositionMatrix(String processId, String processSlug, String processTitle, String group, String region,
        List<ActorRef> actors, List<ItemRef> items, List<StanceView> cells, List<AmendmentStances> amendments,
        @JsonIgnore Map<String, StanceView> cellIndex) {

    /** An amendment and the current stances on it (mostly support, recorded from the amendment itself). */
    public record AmendmentStances(ItemRef item, List<StanceView> stances) {}

    public PositionMatrix(String processId, String processSlug, String processTitle, String group, String region,
            List<ActorRef> actors, List<ItemRef> items, List<StanceView> cells, List<AmendmentStances> amendments) {
        this(processId, processSlug, processTitle, group, region, actors, items, cells, amendments, cells.stream()
                .collect(Collectors.toMap(c -> c.actor().key() + "|" + c.item().key(), Function.identity(),
                        (a, b) -> b)));
    }

    /** The current stance of the actor on the item, or null. */
    public StanceView cell(ActorRef actor, ItemRef item) {
        return cellIndex.get(actor.key() + "|" + item.key());
    }
}
