package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;

import static dev.bosun.stdlib.effect.LinuxFiles.O_CLOEXEC;
import static dev.bosun.stdlib.effect.LinuxFiles.O_CREAT;
import static dev.bosun.stdlib.effect.LinuxFiles.O_EXCL;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_WRONLY;

/**
 * A file Bosun creates itself, in a directory it holds a descriptor of: {@code O_CREAT|O_EXCL|O_NOFOLLOW},
 * mode 0600 at creation. O_EXCL fails on anything already there, a dangling symlink included, so the
 * descriptor returned is always a new, empty inode of ours; nothing planted under the name is ever
 * opened or written through. Owner and mode are then set on the descriptor by the caller.
 */
final class NewFile {
    private static final int FLAGS = O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC;
    /** Attempts before giving up on a name that something keeps re-creating. */
    private static final int ATTEMPTS = 16;

    /** An open new file and the name it got. */
    record Created(Fd fd, String name) {
    }

    private NewFile() {
    }

    /**
     * Creates {@code name} (a fixed name such as shadow-utils' {@code passwd+} or {@code passwd.<pid>}):
     * whatever is there (a stale temp, a link, a fifo) is unlinked with {@code unlinkat} first, never opened.
     * A directory there is left alone and reported.
     *
     * @param shown     the name's host path, for messages
     * @param operation what the file is for, e.g. {@code cannot write /etc/passwd}, which starts a failure's message
     */
    static Fd replacing(Fd dir, String name, String shown, String operation) {
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return Fd.of(LinuxFiles.openat(dir.get(), name, FLAGS, 0600));
            } catch (SyscallException e) {
                if (!e.is(Errno.EEXIST)) {
                    throw e;
                }
            }
            try {
                LinuxFiles.unlinkat(dir.get(), name, 0);
            } catch (SyscallException e) {
                if (e.is(Errno.EISDIR) || e.is(Errno.EPERM)) {
                    throw new BosunException(operation + ": " + shown + " is a directory; Bosun needs that name for a"
                            + " temporary file, remove it");
                }
                if (!e.is(Errno.ENOENT)) {
                    throw e;
                }
            }
        }
        throw new BosunException(operation + ": " + shown + " keeps being re-created by someone else; not writing"
                + " through it");
    }

    /** Creates a new hidden name beside {@code base}: {@code .base.bosun-<pid>-<random>} ({@link TempName}). */
    static Created unique(Fd dir, String base) {
        for (int i = 0; i < ATTEMPTS; i++) {
            String name = TempName.next(base);
            try {
                return new Created(Fd.of(LinuxFiles.openat(dir.get(), name, FLAGS, 0600)), name);
            } catch (SyscallException e) {
                if (!e.is(Errno.EEXIST)) {
                    throw e;
                }
            }
        }
        throw new SyscallException("openat", Errno.EEXIST);
    }
}
