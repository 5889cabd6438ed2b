package org.polylogue.search;

/** One value of a facet with the number of results that have it; {@code label} is for people. */
public record FacetValue(String value, String label, long count) {}
