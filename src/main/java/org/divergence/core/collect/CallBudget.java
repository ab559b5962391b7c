package org.divergence.core.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The calls a crawl may make: at most {@code limit} in any {@code window} (a sliding log of the calls taken, shared
 * by every worker of a crawl). A call is taken only when fewer than {@code limit} were taken in the window before it,
 * so no window of that length, wherever it starts, ever holds more. Pure: the time is passed in.
 */
public final class CallBudget {

    /** Added to a published window, so the server's own count (from when a request arrives) never sees more. */
    public static final Duration SLACK = Duration.ofSeconds(2);

    private final int limit;
    private final Duration window;
    private final ArrayDeque<Instant> taken = new ArrayDeque<>();

    public CallBudget(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a call budget needs a positive limit and window");
        }
        this.limit = limit;
        this.window = window;
    }

    /** A platform's published rate, kept with {@link #SLACK}. */
    public static CallBudget published(int limit, Duration window) {
        return new CallBudget(limit, window.plus(SLACK));
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    /** Takes one call at {@code now} when the window has room and returns zero; else how long until it has. */
    public synchronized Duration tryTake(Instant now) {
        forget(now);
        if (taken.size() < limit) {
            taken.addLast(now);
            return Duration.ZERO;
        }
        return Duration.between(now, taken.peekFirst().plus(window));
    }

    /** Calls still allowed in the window ending at {@code now}. */
    public synchronized int left(Instant now) {
        forget(now);
        return limit - taken.size();
    }

    private void forget(Instant now) {
        Instant start = now.minus(window);
        while (!taken.isEmpty() && !taken.peekFirst().isAfter(start)) {
            taken.removeFirst();
        }
    }
}
