package org.polylogue.synthesis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polylogue.synthesis.Digest;

/** The memory copy of the last update's state is used only while the stored digest is the one it belongs to. */
class PreviousStatesTest {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00.123456789Z");

    /** A repository answering from fields, without a database. */
    static final class Stored extends DigestRepository {
        Instant computedAt;
        int reads;

        Stored() {
            super(null, null, null);
        }

        @Override
        public Optional<Instant> computedAt(String consultationId) {
            return Optional.ofNullable(computedAt);
        }

        @Override
        public SynthesisEngine.Previous previous(String consultationId) {
            reads++;
            return null;
        }
    }

    static SynthesisEngine.Outcome outcome(Instant at) {
        var digest = new Digest("c", at, 1, 1, 0, 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), new Digest.Run("incremental", at, 1));
        var state = new SynthesisEngine.InputState(1, new long[32], "g", null, "t1", 0.5f);
        return new SynthesisEngine.Outcome(digest, List.of(), Map.of(), false, Map.of("comment:a", state), Set.of(),
                List.of(), Set.of(), null, new SynthesisEngine.RunInfo(at, 1, 1, 1));
    }

    @Test
    void theMemoryCopyServesOnlyWhileTheStoredDigestIsItsOwn() {
        var stored = new Stored();
        var states = new PreviousStates(stored);
        var before = new SynthesisEngine.Previous(outcome(AT).digest(), new java.util.HashMap<>(), ThemeModel.empty(),
                outcome(AT).info());
        states.committed(outcome(AT), before);
        // stored with microseconds, rounded
        stored.computedAt = Instant.parse("2026-12-01T10:00:00.123457Z");
        var previous = states.load("c");
        assertThat(previous).isNotNull();
        assertThat(previous.inputs()).containsKey("comment:a");
        assertThat(stored.reads).isZero();
        assertThat(states.load("other")).isNull();
        assertThat(stored.reads).isEqualTo(1);

        // another node ran since: read again
        states.committed(outcome(AT), before);
        stored.computedAt = AT.plusSeconds(5);
        assertThat(states.load("c")).isNull();
        assertThat(stored.reads).isEqualTo(2);

        // a failed save forgets it
        states.committed(outcome(AT), before);
        stored.computedAt = AT;
        states.forget();
        states.load("c");
        assertThat(stored.reads).isEqualTo(3);
    }
}
