package org.polylogue.amendment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The organisations that currently support an amendment, counted by stakeholder group and by UN
 * regional group (keys are the enum names; groups without support are absent).
 */
public record AmendmentSupports(int total, Map<String, Integer> byStakeholderGroup,
        Map<String, Integer> byRegionalGroup, List<Supporter> supporters) {

    public AmendmentSupports {
        byStakeholderGroup = Map.copyOf(byStakeholderGroup);
        byRegionalGroup = Map.copyOf(byRegionalGroup);
        supporters = List.copyOf(supporters);
    }

    public static AmendmentSupports none() {
        return new AmendmentSupports(0, Map.of(), Map.of(), List.of());
    }

    /** One supporting organisation. */
    public record Supporter(String organizationId, String name, String stakeholderGroup, String regionalGroup,
            boolean verified, Instant supportedAt) {}
}
