package org.divergence.core.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls a crawl may make: at most {@code limit} in any {@code window}, as the SERVER counts them (shared by every
 * worker of a crawl). The server counts a request when it arrives, which is some moment between the client sending
 * it and the answer coming back: how long after the sending depends on the network, the client's threads and the
 * server's, and is not known. So a call counts from when it is taken until a window after its answer (a call still
 * in flight counts), and a call is taken only when fewer than {@code limit} count. Then no window of the server's,
 * wherever it starts, holds more than {@code limit} arrivals, whatever the delays: of the calls arriving in one
 * window, the one taken last found all the others either in flight or answered less than a window before (they had
 * arrived after the window's start, so were answered after it), and it was taken only because fewer than {@code
 * limit} counted (docs/decisions/0116). The price: at the limit each call holds its place for its latency plus the
 * window, i.e. {@code limit / (window + latency)} calls a second, 99.99 % of the limit for the APIs' hour and
 * five-minute windows. Pure: the time is passed in.
 */
public final class CallBudget {

    /** Added to a published window: the server's clock and ours need not agree to the second. */
    public static final Duration SLACK = Duration.ofSeconds(2);

    private final int limit;
    private final Duration window;
    /** The calls that count, in the order taken: in flight, or answered less than a window ago. */
    private final List<Taken> counted = new ArrayList<>();

    /** A call taken from the budget; {@link #answered} says when its answer came. */
    public static final class Taken {
        private Instant answered;

        private Taken() {
        }
    }

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

    /** Takes one call at {@code now} when fewer than the limit count; null when the budget has no room. */
    public synchronized Taken tryTake(Instant now) {
        forget(now);
        if (counted.size() >= limit) {
            return null;
        }
        Taken taken = new Taken();
        counted.add(taken);
        return taken;
    }

    /**
     * How long from {@code now} until a call may be taken, at the earliest: zero when there is room; else until the
     * first answered call leaves the window, or a whole window when every call that counts is still in flight (the
     * first to be answered leaves a window after that).
     */
    public synchronized Duration untilRoom(Instant now) {
        forget(now);
        if (counted.size() < limit) {
            return Duration.ZERO;
        }
        Duration wait = window;
        for (Taken taken : counted) {
            if (taken.answered != null) {
                Duration left = Duration.between(now, taken.answered.plus(window));
                if (left.compareTo(wait) < 0) {
                    wait = left;
                }
            }
        }
        return wait;
    }

    /** The call's answer came at {@code at} (or it failed then, or was never sent): it counts one window more. */
    public synchronized void answered(Taken taken, Instant at) {
        if (taken.answered == null) {
            taken.answered = at;
        }
    }

    /** Calls that may still be taken at {@code now}. */
    public synchronized int left(Instant now) {
        forget(now);
        return limit - counted.size();
    }

    private void forget(Instant now) {
        Instant start = now.minus(window);
        counted.removeIf(taken -> taken.answered != null && !taken.answered.isAfter(start));
    }
}
