package org.divergence.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallBudgetTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void takesUpToTheLimitThenSaysHowLongToWait() {
        CallBudget budget = new CallBudget(3, Duration.ofSeconds(10));
        for (int second = 0; second < 3; second++) {
            CallBudget.Taken taken = budget.tryTake(T0.plusSeconds(second));
            assertNotNull(taken);
            budget.answered(taken, T0.plusSeconds(second));
        }
        assertEquals(0, budget.left(T0.plusSeconds(2)));
        assertNull(budget.tryTake(T0.plusSeconds(3)));
        assertEquals(Duration.ofSeconds(7), budget.untilRoom(T0.plusSeconds(3)));
        // The first call leaves exactly a window after its answer.
        assertEquals(Duration.ZERO, budget.untilRoom(T0.plusSeconds(10)));
        assertNotNull(budget.tryTake(T0.plusSeconds(10)));
        assertEquals(0, budget.left(T0.plusSeconds(10)));
        assertEquals(1, budget.left(T0.plusSeconds(11)));
    }

    @Test
    void aCallStillInFlightCountsAndLeavesAWindowAfterItsAnswer() {
        CallBudget budget = new CallBudget(2, Duration.ofSeconds(10));
        CallBudget.Taken slow = budget.tryTake(T0);
        CallBudget.Taken quick = budget.tryTake(T0);
        budget.answered(quick, T0.plusSeconds(1));
        // Long after the window, the slow call has not been answered: it still counts.
        assertEquals(1, budget.left(T0.plusSeconds(60)));
        assertNotNull(budget.tryTake(T0.plusSeconds(60)));
        assertNull(budget.tryTake(T0.plusSeconds(60)));
        // Everything that counts is in flight: at least a window to wait.
        assertEquals(Duration.ofSeconds(10), budget.untilRoom(T0.plusSeconds(60)));
        budget.answered(slow, T0.plusSeconds(61));
        assertEquals(Duration.ofSeconds(10), budget.untilRoom(T0.plusSeconds(61)));
        assertEquals(Duration.ofSeconds(1), budget.untilRoom(T0.plusSeconds(70)));
        assertNotNull(budget.tryTake(T0.plusSeconds(71)));
    }

    @Test
    void noServerWindowEverHoldsMoreThanTheLimitWhateverTheDelays() {
        int limit = 50;
        Duration window = Duration.ofSeconds(1);
        CallBudget budget = new CallBudget(limit, window);
        Random random = new Random(7);
        // Sixteen eager workers; each answer comes 20 to 300 ms after the call is taken, and the server sees the
        // request at any moment in between (delays in the client, the network and the server are unknown).
        Instant[] next = new Instant[16];
        java.util.Arrays.fill(next, T0);
        List<Long> arrivals = new ArrayList<>();
        long latencies = 0;
        while (arrivals.size() < 3_000) {
            int worker = 0;
            for (int i = 1; i < next.length; i++) {
                if (next[i].isBefore(next[worker])) {
                    worker = i;
                }
            }
            Instant now = next[worker];
            CallBudget.Taken taken = budget.tryTake(now);
            if (taken == null) {
                Duration wait = budget.untilRoom(now);
                assertTrue(wait.isPositive());
                next[worker] = now.plus(wait);
                continue;
            }
            long latency = 20 + random.nextInt(281);
            latencies += latency;
            Instant answer = now.plusMillis(latency);
            arrivals.add(now.toEpochMilli() + (long) (random.nextDouble() * latency));
            budget.answered(taken, answer);
            next[worker] = answer;
        }
        arrivals.sort(Long::compare);
        for (int i = limit; i < arrivals.size(); i++) {
            assertTrue(arrivals.get(i) - arrivals.get(i - limit) >= window.toMillis(),
                    "arrival " + i + " is the " + (limit + 1) + "th within one window");
        }
        // And it runs at the limit: each call holds its place for its latency and a window.
        double seconds = (arrivals.getLast() - arrivals.getFirst()) / 1000.0;
        double expected = arrivals.size() * (window.toMillis() + latencies / (double) arrivals.size()) / limit / 1000;
        assertTrue(Math.abs(seconds - expected) < 0.03 * expected, seconds + " s, expected about " + expected);
    }

    @Test
    void aPublishedRateKeepsSlack() {
        CallBudget budget = CallBudget.published(1000, Duration.ofMinutes(5));
        assertEquals(Duration.ofMinutes(5).plus(CallBudget.SLACK), budget.window());
    }
}
