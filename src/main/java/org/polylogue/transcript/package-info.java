/**
 * Transcripts of meetings: captioning text imported all-or-nothing, each turn a searchable statement
 * with its speaker, speaker labels linked to people and organisations by the secretariat, and the
 * questions the moderator read out from the audience.
 */
package org.polylogue.transcript;
