/**
 * Written submissions: position papers uploaded to an open consultation (PDF, DOCX, ODT or plain
 * text), checked by their content, their text extracted under time and size limits and stored for
 * search and synthesis, their language detected; the original kept and downloadable.
 */
package org.polylogue.submission;
