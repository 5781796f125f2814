package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * sdme's umask rule. Files created later in the merged tree (by Bosun, by tools, by the services that
 * run there) get the creator's umask; if it strips read or execute from "other", unprivileged services
 * cannot read their own files. Java cannot call umask(2), so the value comes from
 * {@code /proc/self/status} (Linux 4.7+), which is also side-effect free and thread-safe.
 */
final class Umask {
    private Umask() {
    }

    /** The process umask, e.g. {@code 022}. */
    static int current() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring(6).trim(), 8);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new BosunException("cannot read the process umask from /proc/self/status: " + e.getMessage(), e);
        }
        throw new BosunException("cannot read the process umask: /proc/self/status has no Umask: line (Linux 4.7+ needed)");
    }

    /** Fails when {@code umask} strips read or execute from "other". */
    static void check(int umask) {
        if ((umask & 0005) != 0) {
            throw new BosunException(String.format("current umask (%04o) strips read/execute from 'other', which would "
                    + "prevent services in the merged tree from reading their files. Set a more permissive umask "
                    + "(e.g. umask 022) and run this again", umask));
        }
    }
}
