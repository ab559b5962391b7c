package org.divergence.core.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * GitHub's rules (docs "Rate limits for the REST API"): every answer carries {@code x-ratelimit-limit, -remaining,
 * -used, -reset} (epoch seconds) and {@code -resource}. On 403 or 429: honour {@code retry-after}; else, when
 * remaining is 0, wait until the reset; else it is a secondary limit: wait a minute, then exponentially longer. A 403
 * with none of these signs and no "rate limit" in its message is a real refusal (e.g. a blocked repository).
 */
public final class GitHubRateLimits implements RateLimitRules {

    /** A second past the reset, so that GitHub's clock has surely moved on. */
    private static final Duration RESET_MARGIN = Duration.ofSeconds(1);

    @Override
    public String resourceOf(String path) {
        if (path.contains("/search/")) {
            return "search";
        }
        return path.endsWith("/graphql") ? "graphql" : "core";
    }

    @Override
    public Optional<RateLimitState> observe(String resource, HeaderLookup headers, Instant now) {
        long remaining = RetryAfter.number(headers.get("x-ratelimit-remaining"));
        long limit = RetryAfter.number(headers.get("x-ratelimit-limit"));
        long reset = RetryAfter.number(headers.get("x-ratelimit-reset"));
        if (remaining < 0 && limit < 0) {
            return Optional.empty();
        }
        String named = headers.get("x-ratelimit-resource");
        return Optional.of(new RateLimitState(named == null || named.isBlank() ? resource : named, limit, remaining,
                reset < 0 ? null : Instant.ofEpochSecond(reset)));
    }

    @Override
    public Optional<LimitWait> onRefused(int status, HeaderLookup headers, String body, Instant now, int waitsSoFar,
                                         RandomGenerator random) {
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = RetryAfter.parse(headers.get("retry-after"), now);
        if (retryAfter.isPresent()) {
            return Optional.of(new LimitWait(retryAfter.get(), "GitHub asked to retry after "
                    + retryAfter.get().toSeconds() + " s"));
        }
        long remaining = RetryAfter.number(headers.get("x-ratelimit-remaining"));
        long reset = RetryAfter.number(headers.get("x-ratelimit-reset"));
        if (remaining == 0 && reset >= 0) {
            Duration until = Duration.between(now, Instant.ofEpochSecond(reset)).plus(RESET_MARGIN);
            return Optional.of(new LimitWait(until.isNegative() ? RESET_MARGIN : until,
                    "GitHub's rate limit is used up until it resets"));
        }
        boolean mentionsLimit = body != null && body.toLowerCase(Locale.ROOT).contains("rate limit");
        if (status == 429 || mentionsLimit) {
            return Optional.of(new LimitWait(Backoff.SECONDARY_LIMIT.atLeast(waitsSoFar + 1, random),
                    "GitHub's secondary rate limit"));
        }
        return Optional.empty();
    }
}
