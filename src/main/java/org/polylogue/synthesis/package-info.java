/**
 * Synthesis: near-duplicate campaigns (MinHash with LSH), themes, cross-group consensus and a
 * ten-minute digest per consultation, computed by durable background jobs over its inputs.
 */
package org.polylogue.synthesis;
