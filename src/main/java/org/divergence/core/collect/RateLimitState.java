package org.divergence.core.collect;

import java.time.Instant;

/**
 * What the platform last said about a rate limit: GitHub's {@code x-ratelimit-*} headers or Hugging Face's
 * {@code RateLimit}/{@code RateLimit-Policy}. Numbers are -1 and {@code resetAt} null when the answer did not say.
 */
public record RateLimitState(String resource, long limit, long remaining, Instant resetAt) {

    public boolean exhausted() {
        return remaining == 0 && resetAt != null;
    }
}
