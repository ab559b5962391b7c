package org.divergence.core.collect;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of {@code base·2^(n-1)}, capped, so
 * that many clients that failed together do not retry together.
 */
public record Backoff(Duration base, Duration cap) {

    /** Timeouts, dropped connections and 5xx answers: 1 s, 2 s, 4 s … at most 60 s. */
    public static final Backoff TRANSIENT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    /** GitHub's secondary limit without a hint: "wait at least one minute", then exponentially longer. */
    public static final Backoff SECONDARY_LIMIT = new Backoff(Duration.ofSeconds(60), Duration.ofMinutes(16));

    /** The wait before retry {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt, RandomGenerator random) {
        Duration full = exponential(attempt);
        long halfMillis = full.toMillis() / 2;
        return Duration.ofMillis(halfMillis + random.nextLong(halfMillis + 1));
    }

    /** The same without jitter, never less than {@code base}: for limits that say "wait at least a minute". */
    public Duration atLeast(int attempt, RandomGenerator random) {
        Duration full = exponential(attempt);
        long extra = full.minus(base).toMillis();
        return base.plusMillis(extra <= 0 ? random.nextLong(1000) : extra / 2 + random.nextLong(extra / 2 + 1));
    }

    private Duration exponential(int attempt) {
        int shift = Math.max(0, Math.min(attempt - 1, 20));
        Duration full = base.multipliedBy(1L << shift);
        return full.compareTo(cap) > 0 ? cap : full;
    }
}
