package org.divergence.core.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Hugging Face's rules (Hub docs "Rate limits"): quotas over fixed 5-minute windows, reported in the IETF draft
 * headers {@code RateLimit: "api";r=REMAINING;t=SECONDS_TO_RESET} and {@code RateLimit-Policy: "fixed
 * window";"api";q=QUOTA;w=WINDOW}. A 429 is the only rate-limit answer: wait {@code Retry-After} if given, else the
 * {@code t} of {@code RateLimit}, else a minute and exponentially longer.
 */
public final class HuggingFaceRateLimits implements RateLimitRules {

    private static final Duration RESET_MARGIN = Duration.ofSeconds(1);

    @Override
    public String resourceOf(String path) {
        return "api";
    }

    @Override
    public Optional<RateLimitState> observe(String resource, HeaderLookup headers, Instant now) {
        String rateLimit = headers.get("ratelimit");
        if (rateLimit == null) {
            return Optional.empty();
        }
        long remaining = parameter(rateLimit, "r");
        long seconds = parameter(rateLimit, "t");
        long quota = parameter(headers.get("ratelimit-policy"), "q");
        String named = name(rateLimit);
        return Optional.of(new RateLimitState(named == null ? resource : named, quota, remaining,
                seconds < 0 ? null : now.plusSeconds(seconds)));
    }

    @Override
    public Optional<LimitWait> onRefused(int status, HeaderLookup headers, String body, Instant now, int waitsSoFar,
                                         RandomGenerator random) {
        if (status != 429) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = RetryAfter.parse(headers.get("retry-after"), now);
        if (retryAfter.isPresent()) {
            return Optional.of(new LimitWait(retryAfter.get(), "Hugging Face asked to retry after "
                    + retryAfter.get().toSeconds() + " s"));
        }
        long seconds = parameter(headers.get("ratelimit"), "t");
        if (seconds >= 0) {
            return Optional.of(new LimitWait(Duration.ofSeconds(seconds).plus(RESET_MARGIN),
                    "Hugging Face's 5-minute request quota is used up until the window resets"));
        }
        return Optional.of(new LimitWait(Backoff.SECONDARY_LIMIT.atLeast(waitsSoFar + 1, random),
                "Hugging Face's rate limit"));
    }

    /** {@code name=value} from a structured header such as {@code "api";r=0;t=55}; -1 when absent. */
    static long parameter(String header, String name) {
        if (header == null) {
            return -1;
        }
        for (String part : header.split("[;,]")) {
            String trimmed = part.strip();
            if (trimmed.startsWith(name + "=")) {
                return RetryAfter.number(trimmed.substring(name.length() + 1));
            }
        }
        return -1;
    }

    private static String name(String header) {
        int open = header.indexOf('"');
        int close = open < 0 ? -1 : header.indexOf('"', open + 1);
        return close > open + 1 ? header.substring(open + 1, close) : null;
    }
}
