package dev.bosun.shell.cli;

import java.time.Duration;
import java.time.Instant;

/**
 * Start-up phases on stderr when {@code BOSUN_TIMINGS=1}, measured from the JVM's start (not from main),
 * so the JVM's own start-up is included: what a user waits for.
 */
public final class Timings {
    private static final boolean ON = "1".equals(System.getenv("BOSUN_TIMINGS"));
    // The JVM's own start time (millisecond precision); the process start instant from /proc is in clock ticks
    // of boot time and drifts by a few hundred ms. The launcher's bash part before exec is a few ms.
    private static final Instant START = ON
            ? Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) : null;

    private Timings() {
    }

    public static void mark(String phase) {
        if (ON) {
            System.err.printf("bosun: timings: %5d ms  %s [%s]%n", Duration.between(START, Instant.now()).toMillis(), phase,
                    Thread.currentThread().getName());
        }
    }
}
