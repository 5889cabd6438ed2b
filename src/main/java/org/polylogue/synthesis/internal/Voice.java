package org.polylogue.synthesis.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.polylogue.synthesis.Input;

/**
 * One voice: a unique input, a whole campaign, or a stance taken on a paragraph. When its inputs
 * carry stances, the latest one counts (an organisation's newer position supersedes its older
 * amendment support).
 */
final class Voice {

    static final String INDIVIDUALS = "INDIVIDUALS";

    final Set<String> groups = new HashSet<>();
    final Set<String> paragraphs = new HashSet<>();
    /** The organisations of its inputs. */
    final Set<String> organizations = new HashSet<>();
    /** Whether some input of it has no organisation (a person, an unlinked speaker). */
    boolean unattributed;
    Input.Stance stance;
    Instant stanceAt;
    int inputs;

    void add(Input input) {
        groups.add(group(input));
        paragraphs.add(input.paragraphId() == null ? "document" : input.paragraphId());
        if (input.organizationId() != null) {
            organizations.add(input.organizationId());
        } else {
            unattributed = true;
        }
        if (input.stance() != null && (stance == null || stanceAt == null
                || (input.at() != null && !input.at().isBefore(stanceAt)))) {
            stance = input.stance();
            stanceAt = input.at();
        }
        inputs++;
    }

    /** The one organisation all its inputs come from, or null (a campaign, a person, several). */
    String soleOrganization() {
        return !unattributed && organizations.size() == 1 ? organizations.iterator().next() : null;
    }

    static String group(Input input) {
        return input.group() == null ? INDIVIDUALS : input.group();
    }
}
