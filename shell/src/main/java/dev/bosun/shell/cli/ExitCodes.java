package dev.bosun.shell.cli;

/** Exit statuses of the bosun command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An operation or the script failed. */
    public static final int FAILURE = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** With --dry-run --detailed-exitcode: the plan has changes (the host is not converged). */
    public static final int CHANGES = 3;
    /** Interrupted by Ctrl-C (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
