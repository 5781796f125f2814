package dev.bosun.bench.reliability;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which processes are still in a process group, read from /proc (no ps, no signals). */
final class ProcessGroups {
    private ProcessGroups() {
    }

    /** True when some live process has {@code pgid} as its process group. */
    static boolean populated(long pgid) {
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                if (groupOf(p) == pgid) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return false;
    }

    /** Polls until the group is empty or the deadline (System.nanoTime) passes; true when empty. */
    static boolean awaitEmpty(long pgid, long deadlineNanos) throws InterruptedException {
        while (populated(pgid)) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * Whether a process or thread with this ID runs (a lock's holder): /proc/ID exists for both, as
     * {@code kill(ID, 0)} succeeds for both. A zombie (a killed tool its parent has not reaped yet) runs no more.
     */
    static boolean alive(long pid) {
        if (pid <= 0) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Field 5 of /proc/PID/stat, read after the command name (which may hold spaces and parentheses). */
    private static long groupOf(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // A zombie has left its group for all purposes here: it holds no file and no lock.
            return f[0].equals("Z") ? -1 : Long.parseLong(f[2]);
        } catch (IOException | RuntimeException e) {
            return -1; // gone meanwhile
        }
    }
}
