/**
 * Open data: the whole platform and each process as a ZIP of CSV and JSON Lines files with a README
 * and the licence, cached on disk and regenerated nightly and on demand. Content modules take part
 * through the {@link org.polylogue.publishing.ExportSource} SPI; the process module tells which
 * processes exist through {@link org.polylogue.publishing.ExportedProcesses}.
 */
package org.polylogue.publishing;
