package org.divergence.core.collect;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A platform's rate-limit rules: what its headers say, and how long to wait when it refuses a request. */
public interface RateLimitRules {

    /** The limit a request to {@code path} counts against (GitHub's search has its own, smaller one). */
    String resourceOf(String path);

    /** The limit state the answer's headers report, if they report one. */
    Optional<RateLimitState> observe(String resource, HeaderLookup headers, Instant now);

    /**
     * For a refused request (403 or 429): the wait before trying again when it is a rate limit, or empty when it is
     * a real refusal. {@code waitsSoFar} counts the limit waits for this request already made (for backing off).
     */
    Optional<LimitWait> onRefused(int status, HeaderLookup headers, String body, Instant now, int waitsSoFar,
                                  RandomGenerator random);
}
