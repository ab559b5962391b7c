package org.divergence.exchange.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.divergence.core.common.LimitExceededException;

/**
 * Stops a stream once more than a limit of bytes has come through, whatever a file's size or an archive's headers
 * said: the read fails with an IOException carrying our message (a {@link LimitExceededException}).
 */
public final class CappedInputStream extends FilterInputStream {

    private final long limit;
    private final String refusal;
    private long read;

    /** {@code refusal} is the whole message, naming the input and the limit. */
    public CappedInputStream(InputStream in, long limit, String refusal) {
        super(in);
        this.limit = limit;
        this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > limit) {
            throw new IOException(new LimitExceededException(refusal));
        }
    }
}
