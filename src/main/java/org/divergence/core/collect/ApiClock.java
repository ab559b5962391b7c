package org.divergence.core.collect;

import java.time.Duration;
import java.time.Instant;
import org.divergence.core.common.CancelledException;

/**
 * The time a crawl lives by: what time it is, and sleeping. Waiting for a rate limit goes through here, so tests
 * run the same code with a clock that jumps instead of sleeping for minutes.
 */
public interface ApiClock {

    ApiClock SYSTEM = new ApiClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                return;
            }
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    };

    Instant now();

    /** Sleeps; an interrupted sleep throws {@link CancelledException}. */
    void sleep(Duration duration);
}
