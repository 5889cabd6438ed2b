package org.polylogue.statement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.polylogue.moderation.HiddenNotice;
import org.polylogue.stakeholder.RegionalGroup;
import org.polylogue.stakeholder.StakeholderGroup;

/**
 * A statement as pages and the API show it. While hidden by the moderators, {@code title},
 * {@code body} and {@code bodyHtml} are null and {@code hidden} says why.
 *
 * @param signatures every signature, oldest first; withdrawn ones stay with their dates
 */
public record StatementView(String id, String title, String body, String bodyHtml, Signatory lead,
        StatementLink link, StatementStatus status, Instant createdAt, Instant updatedAt, Instant signingOpenedAt,
        Instant signingClosesAt, Instant signingClosedAt, List<Signatory> signatures, HiddenNotice hidden) {

    /** Current signatures, the lead first. */
    public List<Signatory> current() {
        return signatures.stream().filter(Signatory::current).toList();
    }

    public List<Signatory> withdrawn() {
        return signatures.stream().filter(s -> !s.current()).toList();
    }

    /** Current signatories per stakeholder group, groups in their usual order, empty groups left out. */
    public Map<StakeholderGroup, List<Signatory>> byStakeholderGroup() {
        Map<StakeholderGroup, List<Signatory>> groups = new EnumMap<>(StakeholderGroup.class);
        for (var group : StakeholderGroup.values()) {
            var members = current().stream().filter(s -> s.stakeholderGroup() == group).toList();
            if (!members.isEmpty()) {
                groups.put(group, members);
            }
        }
        return groups;
    }

    /** Current signatories per UN regional group, empty groups left out. */
    public Map<RegionalGroup, List<Signatory>> byRegionalGroup() {
        Map<RegionalGroup, List<Signatory>> groups = new EnumMap<>(RegionalGroup.class);
        for (var group : RegionalGroup.values()) {
            var members = current().stream().filter(s -> s.regionalGroup() == group).toList();
            if (!members.isEmpty()) {
                groups.put(group, members);
            }
        }
        return groups;
    }

    @JsonIgnore
    public boolean isHidden() {
        return hidden != null;
    }

    @JsonIgnore
    public boolean isDraft() {
        return status == StatementStatus.DRAFT;
    }

    @JsonIgnore
    public boolean isOpen() {
        return status == StatementStatus.OPEN;
    }
}
