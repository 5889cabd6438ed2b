package org.polylogue.position;

import java.time.LocalDate;
import java.util.List;

/** What changed in a process's ledger between two dates, both included, oldest first. */
public record PositionChanges(String processSlug, String processTitle, LocalDate from, LocalDate to,
        List<PositionChange> items) {}
