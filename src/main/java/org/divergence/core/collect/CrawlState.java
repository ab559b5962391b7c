package org.divergence.core.collect;

import java.util.Optional;

/** Where a crawl is: still listing what to collect, collecting, or done with every repository it planned. */
public enum CrawlState {
    PLANNING("planning"), RUNNING("running"), FINISHED("finished");

    private final String code;

    CrawlState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<CrawlState> ofCode(String code) {
        for (CrawlState state : values()) {
            if (state.code.equals(code)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
