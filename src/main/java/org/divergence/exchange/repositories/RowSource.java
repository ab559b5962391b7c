package org.divergence.exchange.repositories;

import org.divergence.core.common.Progress;

/**
 * Streams the repositories of one input file to a sink, never holding the file in memory. A row with a problem
 * either stops the read with an {@link org.divergence.core.common.InvalidInputException} naming the place, or,
 * when invalid rows are skipped, goes to {@link RowSink#reject}. Problems with the file as a whole (header,
 * encoding, truncation, malformed quoting) always stop the read.
 */
public interface RowSource {
    void read(CountingInput input, RowSink sink, boolean skipInvalid, Progress progress);
}
