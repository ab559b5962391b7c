package org.divergence.core.collect;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of a running crawl for whoever shows it: repositories done of total, requests made (and how many the
 * cache answered), the last rate-limit state, and the wait in progress, if any.
 *
 * @param now  the crawl clock's time of this snapshot, so a countdown shown from it is right under a test clock too
 * @param pace the rate, the ETA and the calls left in the budget's window (null before the first call)
 */
public record CrawlProgress(long crawlId, int done, int failed, int total, long requests, long cacheHits,
                            RateLimitState rateLimit, Instant waitingUntil, String waitReason, String current,
                            boolean paused, Instant now, CrawlPace pace) {

    public static CrawlProgress starting(long crawlId, Instant now) {
        return new CrawlProgress(crawlId, 0, 0, -1, 0, 0, null, null, null, "planning", false, now, null);
    }

    public boolean waiting() {
        return waitingUntil != null && waitingUntil.isAfter(now);
    }

    /** How long the current wait still lasts; zero when not waiting. */
    public Duration waitLeft() {
        return waiting() ? Duration.between(now, waitingUntil) : Duration.ZERO;
    }

    /** "1:05:09" or "4:02": a countdown as people read it. */
    public static String clock(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, rest)
                : String.format("%d:%02d", minutes, rest);
    }

    /** One line for a status bar or a terminal. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (total >= 0) {
            text.append(done).append(" of ").append(total).append(" repositories");
            if (failed > 0) {
                text.append(" (").append(failed).append(" failed)");
            }
        } else {
            text.append("Planning the crawl");
        }
        text.append(" · ").append(requests).append(requests == 1 ? " request" : " requests");
        if (pace != null) {
            text.append(" · ").append(pace.describe());
        }
        if (rateLimit != null && rateLimit.remaining() >= 0) {
            text.append(" · limit ").append(rateLimit.remaining());
            if (rateLimit.limit() > 0) {
                text.append('/').append(rateLimit.limit());
            }
            text.append(" left");
        }
        if (paused) {
            text.append(" · paused");
        } else if (waiting()) {
            text.append(" · waiting ").append(clock(waitLeft())).append(" (").append(waitReason).append(')');
        } else if (current != null && !current.isEmpty()) {
            text.append(" · ").append(current);
        }
        return text.toString();
    }
}
