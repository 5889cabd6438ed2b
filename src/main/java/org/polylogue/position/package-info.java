/**
 * The position ledger: who stands where on the proposals of a process (consultations, paragraphs,
 * amendments, named proposals), with evidence for every stance, kept as an append-only history.
 */
package org.polylogue.position;
