package org.polylogue.meeting;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.polylogue.account.Accounts;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.stakeholder.StakeholderGroup;
import org.springframework.stereotype.Component;

/** Public names, organisations and stakeholder groups of participants, looked up once per list. */
@Component
class ParticipantNames {

    static final String INDIVIDUAL = "INDIVIDUAL";
    static final String INDIVIDUAL_LABEL = "Individuals";

    private final Accounts accounts;
    private final Organizations organizations;

    ParticipantNames(Accounts accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    record Lookup(Map<String, String> names, Map<String, OrganizationView> organizations) {

        String name(String accountId, boolean hidden) {
            return hidden ? null : names.getOrDefault(accountId, "A participant");
        }

        OrganizationView organization(String organizationId) {
            return organizationId == null ? null : organizations.get(organizationId);
        }

        String group(String organizationId) {
            var organization = organization(organizationId);
            return organization == null ? INDIVIDUAL : organization.type().name();
        }

        String groupLabel(String organizationId) {
            var organization = organization(organizationId);
            return organization == null ? INDIVIDUAL_LABEL : organization.type().label();
        }
    }

    Lookup lookup(Collection<String> accountIds, Collection<String> organizationIds) {
        return new Lookup(accounts.publicNames(accountIds),
                organizations.find(organizationIds.stream().filter(java.util.Objects::nonNull).distinct().toList()));
    }

    /** Stakeholder groups in their usual order, individuals last. */
    static <T> Map<String, List<T>> byGroup(List<T> items, Function<T, String> group) {
        return items.stream().collect(Collectors.groupingBy(group, () -> new java.util.TreeMap<>(ORDER),
                Collectors.toList()));
    }

    static final Comparator<String> ORDER = Comparator.comparingInt(ParticipantNames::rank);

    static int rank(String group) {
        var parsed = StakeholderGroup.parse(group);
        return parsed == null ? StakeholderGroup.values().length : parsed.ordinal();
    }

    static String label(String group) {
        var parsed = StakeholderGroup.parse(group);
        return parsed == null ? INDIVIDUAL_LABEL : parsed.label();
    }
}
