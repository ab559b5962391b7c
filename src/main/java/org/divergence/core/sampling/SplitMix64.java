package org.divergence.core.sampling;

/**
 * Steele, Lea and Flood's SplitMix64 generator with plain rejection for bounded draws, written out
 * here (not {@code java.util.SplittableRandom}) so that a seed gives the same draw on every Java version and can be
 * reproduced in a few lines of another language (src/test/resources/golden/draw/make_draw.py does).
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound): values below 2^64 mod bound are rejected so that every residue is equally likely. */
    long below(long bound) {
        long threshold = Long.remainderUnsigned(-bound, bound);
        while (true) {
            long value = next();
            if (Long.compareUnsigned(value, threshold) >= 0) {
                return Long.remainderUnsigned(value, bound);
            }
        }
    }
}
