package org.divergence.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrawlPaceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void rateEtaAndCallsLeftInThePublishedWindow() {
        CallBudget budget = CallBudget.published(1000, Duration.ofMinutes(5));
        for (int i = 0; i < 120; i++) {
            budget.tryTake(T0.plusMillis(500L * i));
        }
        // 120 calls in 60 s for 30 repositories; 90 to go at 2 s each.
        CrawlPace pace = CrawlPace.of(T0, T0.plusSeconds(60), 120, 30, 90, budget);
        assertEquals("2.0 calls/s · ETA 3:00 · 880 of 1,000 calls left in the 5-min window", pace.describe());
        assertEquals("0.0 calls/s · 1,000 of 1,000 calls left in the 1-s window",
                CrawlPace.of(T0, T0, 0, 0, 5, new CallBudget(1000, Duration.ofSeconds(1))).describe());
        assertEquals("1.0 calls/s · ETA 1:00:00 · 60 of 60 calls left in the 1-h window",
                CrawlPace.of(T0, T0.plusSeconds(3600), 3600, 1, 1,
                        CallBudget.published(60, Duration.ofHours(1))).describe());
    }
}
