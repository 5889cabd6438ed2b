package org.polylogue.transcript;

import java.util.List;

/**
 * What an import stored.
 *
 * @param turns the number of turns
 * @param speakers per speaker label (null for unknown speakers): turns and words
 * @param questions the number of audience questions found
 * @param encoding the encoding the text was read in
 */
public record ImportReport(int turns, List<Speaker> speakers, int questions, String status, String encoding) {

    public record Speaker(String label, int turns, int words) {}
}
