/**
 * Search over everything public (and what is visible to few, for those few): one Lucene index fed by
 * the events of the other modules. Content modules take part through the
 * {@link org.polylogue.shared.search.SearchSource} SPI and publish {@link org.polylogue.shared.search.SearchableChanged}
 * when an item appears, changes, is hidden or goes away.
 */
package org.polylogue.search;

import org.polylogue.shared.search.SearchSource;
import org.polylogue.shared.search.SearchableChanged;
