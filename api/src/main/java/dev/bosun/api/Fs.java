package dev.bosun.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Files of the host, addressed by absolute host paths ({@code /etc/subuid}) that are resolved against
 * the host root. Under dry-run, reads see the effect of earlier planned writes (a scratch view), and
 * nothing real changes. Writes are atomic (temp file, fsync, rename), keep or set owner and mode,
 * and are recorded in the plan with a unified diff before they happen.
 */
public interface Fs {
    /** Where a host path lives on the real file system, for tools and syscalls that need a real path. */
    Path resolve(String hostPath);

    /** True when something exists at the path (symlinks are not followed). */
    boolean exists(String hostPath);

    /** Metadata without following symlinks, or null when nothing is there. */
    FileStat stat(String hostPath);

    /** The whole file; fails with a clear message when it does not exist or cannot be read. */
    byte[] readBytes(String hostPath);

    /** The whole file as UTF-8 text, or null when it does not exist. */
    default String readIfExists(String hostPath) {
        return exists(hostPath) ? new String(readBytes(hostPath), StandardCharsets.UTF_8) : null;
    }

    /** The whole file as UTF-8 text. */
    default String read(String hostPath) {
        return new String(readBytes(hostPath), StandardCharsets.UTF_8);
    }

    /** Names in a directory, sorted; empty when the directory does not exist. */
    List<String> list(String hostDir);

    /** Replaces the file atomically. Parents must exist. */
    void write(String hostPath, byte[] content, WriteOptions options);

    /** Replaces the file atomically with UTF-8 text. */
    default void write(String hostPath, String content, WriteOptions options) {
        write(hostPath, content.getBytes(StandardCharsets.UTF_8), options);
    }

    /** Creates a directory and missing parents; mode and owner apply to the directories created. */
    void mkdirs(String hostPath, int mode, Integer uid, Integer gid);

    /** Sets mode and, when given, numeric owner of an existing path (symlinks are not followed). */
    void setAttributes(String hostPath, Integer mode, Integer uid, Integer gid);

    /** Removes a file, symlink or empty directory; false when nothing was there. */
    boolean delete(String hostPath);

    /**
     * Removes a directory tree without ever following a symlink (a link is removed, never its
     * target), so a hostile tree cannot make Bosun delete outside it. False when nothing was there.
     */
    boolean deleteTree(String hostPath);

    /**
     * Takes shadow-utils' lock on a file ({@code <file>.lock} by hard link, stale locks of dead
     * processes recovered), so that useradd, usermod and newuidmap never interleave with us.
     * Under dry-run the lock is taken in the scratch view.
     */
    FileLock lock(String hostPath, Duration timeout);

    /** A held lock; closing releases it. */
    interface FileLock extends AutoCloseable {
        @Override
        void close();
    }

    /** Paths for writing, with the write options of shadow-utils' databases. */
    static WriteOptions shadowStyle() {
        return WriteOptions.DEFAULT.withBackup("-").withTempSuffix("+");
    }

    /** Convenience for paths under a directory. */
    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
