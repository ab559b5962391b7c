package org.divergence.cli.common;

/** The command line's exit codes: a stable contract for scripts. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int NETWORK = 4;

    private ExitCodes() {
    }
}
