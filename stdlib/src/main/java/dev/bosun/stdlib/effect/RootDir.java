package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;

import java.nio.file.Path;

/**
 * The directory host paths resolve beneath: {@code /}, the {@code --root DIR} of an image, or the
 * dry-run scratch view. It is opened once, as an {@code O_PATH} descriptor held for the session, so
 * the path of DIR itself is resolved exactly once; every later lookup starts from the descriptor.
 */
final class RootDir implements AutoCloseable {
    private final Path path;
    private final Fd fd;
    private final int euid;

    private RootDir(Path path, Fd fd, int euid) {
        this.path = path;
        this.fd = fd;
        this.euid = euid;
    }

    /**
     * Opens {@code dir} (absolute). {@code euid} is the uid the process acts as: like root, it is trusted
     * to own directories and links that lead elsewhere (see {@link Resolver}).
     */
    static RootDir open(Path dir, int euid) {
        try {
            int d = LinuxFiles.openat(LinuxFiles.AT_FDCWD, dir.toString(),
                    LinuxFiles.O_PATH | LinuxFiles.O_DIRECTORY | LinuxFiles.O_CLOEXEC, 0);
            return new RootDir(dir, Fd.of(d), euid);
        } catch (SyscallException e) {
            throw new BosunException("root " + dir + " cannot be opened as a directory: " + e.getMessage());
        }
    }

    /** The directory's path as the session was given it (for messages and for tools that take a path). */
    Path path() {
        return path;
    }

    /** The root's descriptor, lent to a walk; closing the returned object does not close it. */
    Fd fd() {
        return Fd.borrowed(fd.get());
    }

    /** The root's metadata now (its owner decides whether an absolute link may lead to it). */
    Statx stat() {
        return LinuxFiles.statx(fd.get(), "", LinuxFiles.AT_EMPTY_PATH | LinuxFiles.AT_SYMLINK_NOFOLLOW);
    }

    /** The uid the process acts as. */
    int euid() {
        return euid;
    }

    /**
     * Owners whose directories and links may lead anywhere: root, and the user Bosun runs as (a user
     * cannot attack themself with their own links). Anyone else's may lead only to their own files.
     */
    boolean trusted(int uid) {
        return uid == 0 || uid == euid;
    }

    @Override
    public void close() {
        fd.close();
    }
}
