package org.polylogue.synthesis.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What an incremental run starts from, read from the database or, for the consultation this node
 * updated last, kept in memory after its run committed (about 450 bytes an input). The memory copy
 * is used only while the stored digest is still the one it belongs to (same computed-at), so a run
 * by another node, or a failed save, makes the next run read the database again.
 */
@Component
public class PreviousStates {

    private record Cached(String consultationId, Instant computedAt, SynthesisEngine.Previous previous) {}

    private final DigestRepository digests;
    private volatile Cached cached;

    public PreviousStates(DigestRepository digests) {
        this.digests = digests;
    }

    /** The state after the last run of the consultation, or null when there is no full analysis yet. */
    public SynthesisEngine.Previous load(String consultationId) {
        Cached c = cached;
        if (c != null && c.consultationId().equals(consultationId)
                && digests.computedAt(consultationId).filter(stored -> sameMicrosecond(stored, c.computedAt()))
                        .isPresent()) {
            return c.previous();
        }
        cached = null;
        return digests.previous(consultationId);
    }

    /** The database keeps microseconds (rounded), the digest nanoseconds. */
    private static boolean sameMicrosecond(Instant stored, Instant computed) {
        return Math.abs(java.time.Duration.between(stored, computed).toNanos()) < 1_000;
    }

    /** After a run's outcome was stored (committed): the state the next run starts from. */
    public void committed(SynthesisEngine.Outcome outcome, SynthesisEngine.Previous before) {
        Map<String, SynthesisEngine.InputState> inputs;
        ThemeModel model;
        if (outcome.full() || before == null) {
            inputs = new HashMap<>(outcome.states());
            model = outcome.model();
        } else {
            inputs = before.inputs() instanceof HashMap<String, SynthesisEngine.InputState> map ? map
                    : new HashMap<>(before.inputs());
            outcome.removed().forEach(inputs::remove);
            inputs.putAll(outcome.states());
            model = before.model();
        }
        String consultationId = outcome.digest().consultationId();
        cached = new Cached(consultationId, outcome.digest().computedAt(),
                new SynthesisEngine.Previous(outcome.digest(), inputs, model, outcome.info()));
    }

    /** Forgets the memory copy (a run failed to save). */
    public void forget() {
        cached = null;
    }
}
