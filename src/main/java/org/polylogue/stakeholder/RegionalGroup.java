package org.polylogue.stakeholder;

/** The five UN regional groups; {@link #NONE} for countries and territories outside them. */
public enum RegionalGroup {
    AFRICAN("African Group"),
    ASIA_PACIFIC("Asia-Pacific Group"),
    EASTERN_EUROPEAN("Eastern European Group"),
    LATIN_AMERICAN_AND_CARIBBEAN("Latin American and Caribbean Group"),
    WESTERN_EUROPEAN_AND_OTHERS("Western European and Others Group"),
    NONE("No UN regional group");

    private final String label;

    RegionalGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
