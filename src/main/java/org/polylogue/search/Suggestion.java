package org.polylogue.search;

/** A name offered while typing: an organisation or a process, with the filter value it stands for. */
public record Suggestion(String type, String id, String label) {}
