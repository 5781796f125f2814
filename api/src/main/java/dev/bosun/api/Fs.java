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
 *
 * <p>Paths are resolved by the kernel on descriptors, one component at a time, and never twice:
 * under {@code --root DIR} nothing resolves outside DIR (a link to {@code /etc/shadow} means
 * {@code DIR/etc/shadow}); a directory or link owned by an unprivileged user may lead only to that
 * user's own files, so a step from it to another owner's entry is refused ("unsafe path transition",
 * systemd's {@code CHASE_SAFE}). Links are followed where an operation says so, never by a write,
 * delete or attribute change of the link itself.
 */
public interface Fs {
    /**
     * Where a host path lives on the real file system, every link resolved inside the root, for
     * handing a path to an external tool only (mount, useradd -k, setfattr). Never read or write
     * through it: the path is resolved again by whoever uses it, and under dry-run it names the real
     * file, not the planned one. Every read and write goes through the other methods.
     */
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

    /**
     * Finishes the directories on {@code hostPath} that an interrupted {@code mkdirs(hostPath, mode, uid, gid)} of
     * an older Bosun left behind, made in place and not yet handed over: an empty directory owned by the uid Bosun
     * runs as, mode 0700 (what it was between its mkdir and its chown), inside a directory owned by {@code uid}.
     * Such a directory gets owner {@code uid:gid} and {@code mode}, on its own descriptor; nothing else is touched,
     * so nothing an attacker points at is ever chowned. Today's mkdirs cannot leave that state (a directory appears
     * under its name only finished). True when a directory was finished (planned as an attribute change).
     */
    boolean finishMkdirs(String hostPath, int mode, int uid, int gid);

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

    /**
     * An extended attribute of the entry itself, any namespace ({@code trusted.overlay.opaque}); a
     * last link is not followed. Null when the entry has no such attribute (or its file system none);
     * fails when the entry does not exist.
     */
    byte[] xattr(String hostPath, String name);

    /**
     * Visits every entry below a directory, parents before their children and names sorted, without
     * ever following a link below it (a link is reported as one) and without entering another mount (a
     * directory that is a mount point, or on another file system than the top, is reported, its content
     * not visited). The directory itself is not visited; nothing is when it does not exist. Under dry-run
     * the walk sees the planned view.
     */
    void walk(String hostDir, Visitor visitor);

    /** What {@link #walk} calls for each entry. */
    @FunctionalInterface
    interface Visitor {
        /** Looks at one entry; false skips the content of a directory. */
        boolean visit(Entry entry);
    }

    /** One entry met by {@link #walk}; usable during its callback only. */
    interface Entry {
        /** The entry's host path. */
        String path();

        /** Its metadata, as {@link #stat} gives it. */
        FileStat stat();

        /** The last component of {@link #path()}. */
        default String name() {
            String p = path();
            return p.substring(p.lastIndexOf('/') + 1);
        }

        /**
         * Its kind, as {@code stat().type()}; a walk that knows the kind from the directory listing answers
         * without reading the entry's metadata, so visitors that need only the kind should ask this.
         */
        default FileStat.Type type() {
            return stat().type();
        }

        /** An extended attribute of the entry, as {@link #xattr} gives it. */
        byte[] xattr(String name);
    }

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
