package org.polylogue.synthesis.internal;

import java.util.HashSet;
import java.util.Set;
import org.polylogue.synthesis.Input;

/** One voice: a unique input, a whole campaign, or a stance taken on a paragraph. */
final class Voice {

    static final String INDIVIDUALS = "INDIVIDUALS";

    final Set<String> groups = new HashSet<>();
    final Set<String> paragraphs = new HashSet<>();
    Input.Stance stance;
    int inputs;

    void add(Input input) {
        groups.add(group(input));
        paragraphs.add(input.paragraphId() == null ? "document" : input.paragraphId());
        if (input.stance() != null) {
            stance = input.stance();
        }
        inputs++;
    }

    static String group(Input input) {
        return input.group() == null ? INDIVIDUALS : input.group();
    }
}
