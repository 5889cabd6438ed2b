package org.polylogue.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsultationStatusTest {

    private static final Instant OPENS = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-12-15T17:00:00Z");

    @Test
    void beforeTheWindowItIsUpcoming() {
        assertThat(ConsultationStatus.of(OPENS, CLOSES, OPENS.minusNanos(1))).isEqualTo(ConsultationStatus.UPCOMING);
        assertThat(ConsultationStatus.of(OPENS, CLOSES, OPENS.minusSeconds(86_400))).isEqualTo(ConsultationStatus.UPCOMING);
    }

    @Test
    void itOpensAtTheOpeningInstantItself() {
        assertThat(ConsultationStatus.of(OPENS, CLOSES, OPENS)).isEqualTo(ConsultationStatus.OPEN);
        assertThat(ConsultationStatus.of(OPENS, CLOSES, CLOSES.minusNanos(1))).isEqualTo(ConsultationStatus.OPEN);
    }

    @Test
    void itIsClosedAtTheClosingInstantItself() {
        assertThat(ConsultationStatus.of(OPENS, CLOSES, CLOSES)).isEqualTo(ConsultationStatus.CLOSED);
        assertThat(ConsultationStatus.of(OPENS, CLOSES, CLOSES.plusSeconds(1))).isEqualTo(ConsultationStatus.CLOSED);
    }

    @Test
    void labelsSayWhatAPersonCanDo() {
        assertThat(ConsultationStatus.OPEN.label()).isEqualTo("Open for comments");
        assertThat(ConsultationStatus.UPCOMING.label()).isEqualTo("Upcoming");
        assertThat(ConsultationStatus.CLOSED.label()).isEqualTo("Closed");
    }
}
