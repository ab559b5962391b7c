package org.divergence.core.collect;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast a run goes and what is left: calls a second since the run began, the time left at the run's pace so far
 * (null until a repository is finished), and the calls the budget still allows in its window.
 */
public record CrawlPace(double callsPerSecond, Duration eta, int callsLeft, int callLimit, Duration window) {

    /**
     * @param calls    calls made since {@code started}; {@code finished} repositories since then, {@code left} to go
     */
    public static CrawlPace of(Instant started, Instant now, long calls, int finished, int left, CallBudget budget) {
        // Under a second the rate would say more than it knows (a burst at the start, or a test clock standing still).
        double seconds = Math.max(Duration.between(started, now).toNanos() / 1e9, 1.0);
        Duration eta = finished == 0 || left < 0 ? null
                : Duration.ofMillis(Math.round(left * (seconds / finished) * 1000));
        return new CrawlPace(calls / seconds, eta, budget.left(now), budget.limit(), budget.window());
    }

    /** "4.2 calls/s · ETA 3:10 · 873 of 1,000 calls left in the 5-min window". */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format("%.1f calls/s", callsPerSecond));
        if (eta != null) {
            text.append(" · ETA ").append(CrawlProgress.clock(eta));
        }
        text.append(String.format(" · %,d of %,d calls left in the %s window", callsLeft, callLimit,
                describeWindow(window)));
        return text.toString();
    }

    /** The published window without the slack: "5-min", "1-h", "1-s". */
    private static String describeWindow(Duration window) {
        Duration published = window.compareTo(CallBudget.SLACK.multipliedBy(10)) > 0 ? window.minus(CallBudget.SLACK)
                : window;
        long seconds = published.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "-h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "-min";
        }
        return published.toMillis() % 1000 == 0 ? seconds + "-s" : published.toMillis() + "-ms";
    }
}
