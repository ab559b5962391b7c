package org.divergence.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.divergence.core.collect.ApiClock;

/** Time for tests: sleeping moves the clock on at once and is recorded, so minutes of waiting take no time. */
public final class FakeClock implements ApiClock {

    public static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private volatile Instant now = START;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    public Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    public List<Duration> sleeps() {
        return sleeps;
    }

    /** Epoch seconds {@code seconds} from now: for {@code x-ratelimit-reset}. */
    public long epochSecondsIn(long seconds) {
        return now.getEpochSecond() + seconds;
    }
}
