package dev.bosun.shell.cli;

import java.time.Duration;
import java.time.Instant;

/**
 * Start-up phases on stderr when {@code BOSUN_TIMINGS=1}, measured from process start (not from main),
 * so the JVM's own start is included: what a user waits for.
 */
public final class Timings {
    private static final boolean ON = "1".equals(System.getenv("BOSUN_TIMINGS"));
    private static final Instant START = ON ? ProcessHandle.current().info().startInstant().orElse(Instant.now()) : null;

    private Timings() {
    }

    public static void mark(String phase) {
        if (ON) {
            System.err.printf("bosun: timings: %5d ms  %s%n", Duration.between(START, Instant.now()).toMillis(), phase);
        }
    }
}
