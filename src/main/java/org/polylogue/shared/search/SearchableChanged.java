package org.polylogue.shared.search;

/**
 * Published by a content module in the transaction that makes an item appear, change, become
 * hidden or visible again, or go away; the search index then asks the module's
 * {@link SearchSource} for the item's current state.
 */
public record SearchableChanged(String kind, String id) {}
