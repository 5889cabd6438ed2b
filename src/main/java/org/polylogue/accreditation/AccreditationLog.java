package org.polylogue.accreditation;

import java.util.List;
import org.polylogue.process.ProcessView;

/**
 * One page of a process's log, newest request first.
 *
 * @param state the state filtered on, or null for all
 * @param total how many requests match the filter
 */
public record AccreditationLog(ProcessView process, AccreditationState state, List<AccreditationRequestView> requests,
        int page, int size, long total, AccreditationCounts counts) {

    public AccreditationLog {
        requests = List.copyOf(requests);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
