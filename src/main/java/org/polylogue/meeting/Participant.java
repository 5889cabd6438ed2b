package org.polylogue.meeting;

/**
 * A registered participant as the public sees them.
 *
 * @param name the person's public name, or null when they chose to hide it ("a participant")
 * @param organizationId the organisation they attend for, or null for an individual
 * @param group the stakeholder group of the organisation, or {@code INDIVIDUAL}
 */
public record Participant(String name, String organizationId, String organizationName, boolean organizationVerified,
        String group, String groupLabel) {

    public boolean nameHidden() {
        return name == null;
    }
}
