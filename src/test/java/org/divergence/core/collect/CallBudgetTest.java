package org.divergence.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallBudgetTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void takesUpToTheLimitThenSaysHowLongToWait() {
        CallBudget budget = new CallBudget(3, Duration.ofSeconds(10));
        assertEquals(Duration.ZERO, budget.tryTake(T0));
        assertEquals(Duration.ZERO, budget.tryTake(T0.plusSeconds(1)));
        assertEquals(Duration.ZERO, budget.tryTake(T0.plusSeconds(2)));
        assertEquals(0, budget.left(T0.plusSeconds(2)));
        assertEquals(Duration.ofSeconds(7), budget.tryTake(T0.plusSeconds(3)));
        // The first call leaves the window exactly window after it was taken.
        assertEquals(Duration.ZERO, budget.tryTake(T0.plusSeconds(10)));
        assertEquals(0, budget.left(T0.plusSeconds(10)));
        assertEquals(1, budget.left(T0.plusSeconds(11)));
        assertEquals(3, budget.left(T0.plusSeconds(30)));
    }

    @Test
    void noWindowEverHoldsMoreThanTheLimitUnderAFakeClockDrivenByEagerWorkers() {
        int limit = 50;
        Duration window = Duration.ofSeconds(1);
        CallBudget budget = new CallBudget(limit, window);
        // Eight workers, each asking again as soon as it may: a worker told to wait comes back when told.
        Instant[] next = new Instant[8];
        java.util.Arrays.fill(next, T0);
        List<Instant> calls = new ArrayList<>();
        while (calls.size() < 2_000) {
            int worker = 0;
            for (int i = 1; i < next.length; i++) {
                if (next[i].isBefore(next[worker])) {
                    worker = i;
                }
            }
            Instant now = next[worker];
            Duration wait = budget.tryTake(now);
            if (wait.isZero()) {
                calls.add(now);
                next[worker] = now.plusMillis(7);
            } else {
                assertTrue(wait.isPositive());
                next[worker] = now.plus(wait);
            }
        }
        for (int i = limit; i < calls.size(); i++) {
            assertTrue(!calls.get(i).isBefore(calls.get(i - limit).plus(window)),
                    "call " + i + " at " + calls.get(i) + " is the " + (limit + 1) + "th within one window");
        }
        // And it runs at the limit: 2,000 calls at 50 a second take about 40 seconds.
        Duration span = Duration.between(calls.getFirst(), calls.getLast());
        assertTrue(span.compareTo(Duration.ofSeconds(39)) >= 0 && span.compareTo(Duration.ofSeconds(40)) <= 0,
                span.toString());
    }

    @Test
    void aPublishedRateKeepsSlack() {
        CallBudget budget = CallBudget.published(1000, Duration.ofMinutes(5));
        assertEquals(Duration.ofMinutes(5).plus(CallBudget.SLACK), budget.window());
    }
}
