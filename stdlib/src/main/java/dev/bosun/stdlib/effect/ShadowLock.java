package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.Fs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.bosun.stdlib.effect.LinuxFiles.AT_EMPTY_PATH;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_SYMLINK_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_CLOEXEC;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NOCTTY;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NONBLOCK;
import static dev.bosun.stdlib.effect.LinuxFiles.O_RDONLY;

/**
 * shadow-utils' lock protocol (lib/commonio.c): write our PID to {@code <file>.<pid>}, hard-link it to
 * {@code <file>.lock}, check the link count is 2, remove the temp name. A lock whose PID is dead is
 * stale and removed. Compatible with useradd, usermod and newuidmap holding the same lock.
 *
 * <p>Everything happens relative to the descriptor of the file's directory: the PID file is created
 * {@link NewFile O_EXCL|O_NOFOLLOW} (a stale {@code <file>.<pid>}, or a link an image planted under that
 * name, is unlinked, never written through), the lock is read {@code O_NOFOLLOW}, and a lock that is a
 * symlink is refused rather than followed or removed.
 */
final class ShadowLock implements Fs.FileLock {
    private static final int POLL_MILLIS = 50;

    private final Fd dir;
    private final String lockName;
    private final String shownLock;
    private boolean held = true;

    private ShadowLock(Fd dir, String lockName, String shownLock) {
        this.dir = dir;
        this.lockName = lockName;
        this.shownLock = shownLock;
    }

    /**
     * Takes the lock on {@code name} in {@code dir}, waiting up to {@code timeout} for a live holder.
     * The lock keeps {@code dir} (it is closed on release).
     *
     * @param shown the file's host path, for messages
     */
    static ShadowLock acquire(Fd dir, String name, Duration timeout, String shown) {
        long pid = ProcessHandle.current().pid();
        String tmp = name + "." + pid;
        String lock = name + ".lock";
        long deadline = System.nanoTime() + timeout.toNanos();
        long holder = -1;
        try {
            while (true) {
                writePid(dir, tmp, pid, shown);
                try {
                    LinuxFiles.linkat(dir.get(), tmp, dir.get(), lock);
                    int links = LinuxFiles.statx(dir.get(), tmp, AT_SYMLINK_NOFOLLOW).nlink();
                    LinuxFiles.unlinkat(dir.get(), tmp, 0);
                    if (links == 2) {
                        return new ShadowLock(dir, lock, shown + ".lock");
                    }
                } catch (SyscallException e) {
                    if (!e.is(Errno.EEXIST)) {
                        unlinkQuietly(dir, tmp);
                        throw e;
                    }
                    LinuxFiles.unlinkat(dir.get(), tmp, 0);
                    holder = readPid(dir, lock, shown);
                    if (holder > 0 && holder != pid && ProcessHandle.of(holder).isEmpty()) {
                        // Stale: the holder died without unlinking. shadow-utils removes it the same way.
                        unlinkIfThere(dir, lock);
                        continue;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new BosunException("cannot lock " + shown + ": " + lock + " is held by PID " + holder
                            + "; try again later");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SyscallException e) {
            throw new BosunException("cannot lock " + shown + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BosunException("interrupted while waiting for the lock on " + shown);
        }
    }

    private static void writePid(Fd dir, String tmp, long pid, String shown) {
        try (Fd fd = NewFile.replacing(dir, tmp, shown + "." + pid, "cannot lock " + shown)) {
            try {
                // commonio writes the PID as text followed by a NUL.
                LinuxFiles.writeAll(fd.get(), (pid + "\0").getBytes(StandardCharsets.US_ASCII));
                LinuxFiles.fchmod(fd.get(), 0600);
                LinuxFiles.fsync(fd.get());
            } catch (RuntimeException e) {
                // A full disk, say: the PID file must not outlive the failed attempt.
                unlinkQuietly(dir, tmp);
                throw e;
            }
        }
    }

    /** The PID in a lock file, or -1 when it holds none; a lock that is not a regular file is refused. */
    private static long readPid(Fd dir, String lock, String shown) {
        Fd fd;
        try {
            fd = Fd.of(LinuxFiles.openat(dir.get(), lock, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0));
        } catch (SyscallException e) {
            if (e.is(Errno.ENOENT)) {
                return -1; // released meanwhile: the next round takes it
            }
            if (e.is(Errno.ELOOP)) {
                throw new BosunException("cannot lock " + shown + ": " + shown + ".lock is a symlink, not a lock file;"
                        + " Bosun neither follows nor removes it (remove it if no tool is running)");
            }
            throw e;
        }
        try (fd) {
            if (!LinuxFiles.statx(fd.get(), "", AT_EMPTY_PATH).isRegularFile()) {
                throw new BosunException("cannot lock " + shown + ": " + shown + ".lock is not a regular file, so it"
                        + " is not a lock; remove it");
            }
            String s = new String(LinuxFiles.readAll(fd.get()), StandardCharsets.US_ASCII).replace("\0", "").trim();
            return s.isEmpty() ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void unlinkQuietly(Fd dir, String name) {
        try {
            LinuxFiles.unlinkat(dir.get(), name, 0);
        } catch (SyscallException e) {
            // The lock attempt already failed; its error is the one worth showing.
        }
    }

    private static void unlinkIfThere(Fd dir, String name) {
        try {
            LinuxFiles.unlinkat(dir.get(), name, 0);
        } catch (SyscallException e) {
            if (!e.is(Errno.ENOENT)) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        if (held) {
            held = false;
            try (dir) {
                unlinkIfThere(dir, lockName);
            } catch (SyscallException e) {
                throw new BosunException("cannot release " + shownLock + ": " + e.getMessage(), e);
            }
        }
    }
}
