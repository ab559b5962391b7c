package org.divergence.core.collect;

import java.time.Duration;

/** How long to wait before asking again, and why (shown to the user while the countdown runs). */
public record LimitWait(Duration duration, String reason) {
}
