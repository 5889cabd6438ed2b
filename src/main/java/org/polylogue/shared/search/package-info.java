/**
 * The search SPI, in the open shared module so that content modules low in the dependency order
 * (drafting, contribution) can take part without depending on the search module, which itself reads
 * processes, organisations and moderation: a content module implements {@link
 * org.polylogue.shared.search.SearchSource} and publishes {@link org.polylogue.shared.search.SearchableChanged}.
 */
package org.polylogue.shared.search;
