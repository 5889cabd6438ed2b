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
    /** The amendments its inputs concern, with its latest stance on each (null: raised, stance unknown). */
    final java.util.Map<String, Input.Stance> amendments = new java.util.HashMap<>();
    private final java.util.Map<String, Instant> amendmentStanceAt = new java.util.HashMap<>();

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
        if (input.amendmentId() != null) {
            String amendment = input.amendmentId();
            if (!amendments.containsKey(amendment)) {
                amendments.put(amendment, null);
            }
            Instant at = amendmentStanceAt.get(amendment);
            if (input.onAmendment() != null && (amendments.get(amendment) == null || at == null
                    || (input.at() != null && !input.at().isBefore(at)))) {
                amendments.put(amendment, input.onAmendment());
                amendmentStanceAt.put(amendment, input.at());
            }
        }
        inputs++;
    }

    /**
     * This voice as it stands on one amendment it concerns: the same groups and organisations, with
     * its stance on the amendment itself ({@code SUPPORT}: for it) rather than on the paragraph.
     */
    Voice on(String amendment) {
        Voice view = new Voice();
        view.groups.addAll(groups);
        view.paragraphs.addAll(paragraphs);
        view.organizations.addAll(organizations);
        view.unattributed = unattributed;
        view.stance = amendments.get(amendment);
        view.stanceAt = amendmentStanceAt.get(amendment);
        view.inputs = inputs;
        return view;
    }

    /** The one organisation all its inputs come from, or null (a campaign, a person, several). */
    String soleOrganization() {
        return !unattributed && organizations.size() == 1 ? organizations.iterator().next() : null;
    }

    static String group(Input input) {
        return input.group() == null ? INDIVIDUALS : input.group();
    }
}
