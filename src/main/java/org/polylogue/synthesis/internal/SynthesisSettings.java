package org.polylogue.synthesis.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The tunable numbers of synthesis (application.properties, {@code polylogue.synthesis.*}). */
@Component
public class SynthesisSettings {

    final double campaignThreshold;
    final int campaignMinimum;
    final int maxThemes;
    final Duration debounce;
    final Duration staleAfter;
    final double fullAfterShare;

    SynthesisSettings(@Value("${polylogue.synthesis.campaign-threshold:0.5}") double campaignThreshold,
            @Value("${polylogue.synthesis.campaign-minimum:3}") int campaignMinimum,
            @Value("${polylogue.synthesis.max-themes:12}") int maxThemes,
            @Value("${polylogue.synthesis.debounce:PT30S}") Duration debounce,
            @Value("${polylogue.synthesis.stale-after:PT2M}") Duration staleAfter,
            @Value("${polylogue.synthesis.full-after-share:0.1}") double fullAfterShare) {
        this.campaignThreshold = campaignThreshold;
        this.campaignMinimum = campaignMinimum;
        this.maxThemes = maxThemes;
        this.debounce = debounce;
        this.staleAfter = staleAfter;
        this.fullAfterShare = fullAfterShare;
    }

    public static SynthesisSettings defaults() {
        return new SynthesisSettings(0.5, 3, 12, Duration.ofSeconds(30), Duration.ofMinutes(2), 0.1);
    }
}
