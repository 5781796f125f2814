package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.WriteOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.bosun.stdlib.effect.LinuxFiles.AT_EMPTY_PATH;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_FDCWD;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_REMOVEDIR;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_SYMLINK_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_CLOEXEC;
import static dev.bosun.stdlib.effect.LinuxFiles.O_DIRECTORY;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_PATH;
import static dev.bosun.stdlib.effect.LinuxFiles.O_RDONLY;

/**
 * The files beneath one {@link RootDir}, addressed by host paths: every operation resolves its path
 * with {@link Resolver} (descriptors, kernel-checked steps, the ownership rule) and then acts on the
 * descriptors it got, never on a path string. {@link ViewFs} uses one for the real root and, under
 * dry-run, one for its scratch view. Messages name the host path, never the path under the root.
 */
final class RootedFiles implements AutoCloseable {
    private final RootDir root;

    RootedFiles(RootDir root) {
        this.root = root;
    }

    /** The root's own path (for tools that take a prefix directory). */
    Path rootPath() {
        return root.path();
    }

    /** Metadata without following a last link, or null when nothing is there. */
    FileStat stat(String p) {
        try (Resolved r = resolve(p, false, "stat")) {
            return r.exists() ? r.stat().toFileStat(linkText(r)) : null;
        }
    }

    /** The raw statx of the entry (no last link followed), or null. */
    Statx statx(String p) {
        try (Resolved r = resolve(p, false, "stat")) {
            return r.stat();
        }
    }

    boolean exists(String p) {
        try (Resolved r = resolve(p, false, "stat")) {
            return r.exists();
        }
    }

    /**
     * The whole content of a regular file; {@code follow} also follows a last link (inside the root).
     * Opened {@code O_NOFOLLOW} relative to its directory and checked to be the inode the walk vetted.
     */
    byte[] read(String p, boolean follow) {
        // shadow-utils and other tools replace files by rename at any time: a file replaced between the walk and
        // the open is read again from a new walk (each walk is checked as always); only a name that keeps changing
        // under Bosun is an error.
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            try (Resolved r = resolve(p, follow, "read")) {
                if (!r.exists()) {
                    throw new BosunException("cannot read " + p + ": " + reason(r));
                }
                Statx st = r.stat();
                if (!st.isRegularFile()) {
                    throw new BosunException("cannot read " + p + ": it is a " + st.type() + ", not a regular file");
                }
                byte[] content = AtomicWrite.readExisting(r.parent(), r.name(), st);
                if (content != null) {
                    return content;
                }
            } catch (SyscallException e) {
                if (!e.is(Errno.ENOENT) || attempt == READ_ATTEMPTS - 1) {
                    throw new BosunException("cannot read " + p + ": " + e.getMessage(), e);
                }
                // Gone between the walk and the open: a rename in progress; walk again.
            }
        }
        throw new BosunException(p + " kept changing while Bosun was reading it (" + READ_ATTEMPTS + " times); try again");
    }

    private static final int READ_ATTEMPTS = 16;

    /** Names in a directory (a last link followed), sorted; empty when it is missing or not a directory. */
    List<String> list(String p) {
        try (Resolved r = resolve(p, true, "list")) {
            if (!r.exists() || !r.stat().isDirectory()) {
                return List.of();
            }
            // "." relative to the O_PATH descriptor re-opens that very directory for reading.
            try (Fd d = Fd.of(LinuxFiles.openat(r.entry().get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0))) {
                List<String> names = new ArrayList<>();
                for (LinuxFiles.DirEntry e : LinuxFiles.entries(d.get())) {
                    names.add(e.name());
                }
                names.sort(null);
                return names;
            }
        } catch (SyscallException e) {
            throw new BosunException("cannot list " + p + ": " + e.getMessage(), e);
        }
    }

    /** Replaces a file atomically (see {@link AtomicWrite}); the parent must exist. */
    void write(String p, byte[] content, WriteOptions options) {
        try (Resolved r = resolve(p, false, "write")) {
            AtomicWrite.write(parentOf(r, p, "write"), r.name(), r.stat(), content, options, p);
        }
    }

    /**
     * Creates one directory (the parent must exist), so that its name appears only with its final owner and
     * mode: {@code mkdirat} 0700 under a hidden {@link TempName}, opened {@code O_DIRECTORY|O_NOFOLLOW} and checked
     * to be the directory just made (owned by us) before owner and mode are set on its descriptor, then renamed to
     * the name with {@code RENAME_NOREPLACE}. A kill at any moment leaves either no directory under the name or the
     * finished one (plus at most an empty temporary, which the next mkdirs of the name removes); a directory made
     * in place would sit there root-owned or 0700 until someone noticed.
     */
    void mkdir(String p, int mode, Integer uid, Integer gid) {
        try (Resolved r = resolve(p, false, "create directory")) {
            Fd dir = parentOf(r, p, "create directory");
            if (r.exists()) {
                if (r.stat().isDirectory()) {
                    return; // made meanwhile by someone else, with the owner and mode its maker gave it
                }
                throw new BosunException("cannot create directory " + p + ": a " + r.stat().type() + " is there");
            }
            String tmp = TempName.next(r.name());
            LinuxFiles.mkdirat(dir.get(), tmp, 0700);
            boolean placed = false;
            try {
                Statx ours;
                try (Fd d = Fd.of(LinuxFiles.openat(dir.get(), tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0))) {
                    ours = LinuxFiles.statx(d.get(), "", AT_EMPTY_PATH);
                    if (ours.uid() != root.euid()) {
                        throw new BosunException("cannot create directory " + p + ": its temporary " + tmp + " was replaced"
                                + " by a directory of uid " + Integer.toUnsignedString(ours.uid()) + " right after Bosun made"
                                + " it; not changing that one");
                    }
                    Attributes.onOpenFile(d, mode, uid, gid);
                }
                placed = place(dir, tmp, r.name());
                if (placed && !LinuxFiles.statx(dir.get(), r.name(), AT_SYMLINK_NOFOLLOW).sameInode(ours)) {
                    throw new BosunException("cannot create directory " + p + ": its temporary " + tmp + " was replaced by"
                            + " someone else while Bosun made it");
                }
                if (!placed && !isDirectory(dir, r.name())) {
                    throw new BosunException("cannot create directory " + p + ": something other than a directory was"
                            + " created there meanwhile");
                }
            } finally {
                if (!placed) {
                    removeQuietly(dir, tmp);
                }
            }
            AtomicWrite.syncDirectory(dir);
        } catch (SyscallException e) {
            throw new BosunException("cannot create directory " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renames the finished temporary directory to its name unless something is there by now (a concurrent ensure
     * of the same directory: false). Without RENAME_NOREPLACE (EINVAL: a file system that lacks it) a plain
     * rename after a check: it could then replace only an empty directory made in between, never a file.
     */
    private static boolean place(Fd dir, String tmp, String name) {
        try {
            LinuxFiles.renameat2(dir.get(), tmp, dir.get(), name, LinuxFiles.RENAME_NOREPLACE);
            return true;
        } catch (SyscallException e) {
            if (e.is(Errno.EEXIST)) {
                return false;
            }
            if (!e.is(Errno.EINVAL) && !e.is(Errno.ENOSYS)) {
                throw e;
            }
        }
        if (isDirectory(dir, name)) {
            return false;
        }
        LinuxFiles.renameat(dir.get(), tmp, dir.get(), name);
        return true;
    }

    private static void removeQuietly(Fd dir, String name) {
        try {
            LinuxFiles.unlinkat(dir.get(), name, AT_REMOVEDIR);
        } catch (SyscallException e) {
            // The mkdir already failed or lost a race; its outcome is the one worth reporting.
        }
    }

    /**
     * Whether {@code p} is a directory an interrupted in-place mkdir for {@code uid} left (see
     * {@link dev.bosun.api.Fs#finishMkdirs}); with {@code finish}, also gives it owner and mode. Everything is
     * checked on descriptors: the parent reached by the usual walk and owned by {@code uid}, the entry opened
     * {@code O_DIRECTORY|O_NOFOLLOW} in it, checked to be the inode looked at (no mount point), owned by us, 0700
     * and empty, then changed on that descriptor.
     */
    boolean interruptedMkdir(String p, int uid, boolean finish, int mode, int gid) {
        if (uid == root.euid() || p.equals("/")) {
            return false;
        }
        String parent = p.substring(0, Math.max(1, p.lastIndexOf('/')));
        String name = p.substring(p.lastIndexOf('/') + 1);
        try (Resolved r = resolve(parent, false, "check")) {
            if (!r.exists() || !r.stat().isDirectory() || r.stat().uid() != uid) {
                return false;
            }
            Statx seen;
            try {
                seen = LinuxFiles.statx(r.entry().get(), name, AT_SYMLINK_NOFOLLOW);
            } catch (SyscallException e) {
                if (e.is(Errno.ENOENT)) {
                    return false;
                }
                throw e;
            }
            if (!seen.isDirectory() || seen.uid() != root.euid() || seen.permissions() != 0700
                    || seen.onOtherMountThan(r.stat())) {
                return false;
            }
            try (Fd d = Fd.of(LinuxFiles.openat(r.entry().get(), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0))) {
                Statx st = LinuxFiles.statx(d.get(), "", AT_EMPTY_PATH);
                if (!st.sameInode(seen) || st.uid() != root.euid() || st.permissions() != 0700
                        || !LinuxFiles.entries(d.get()).isEmpty()) {
                    return false;
                }
                if (finish) {
                    Attributes.onOpenFile(d, mode, uid, gid);
                }
                return true;
            }
        } catch (SyscallException e) {
            throw new BosunException("cannot check directory " + p + ": " + e.getMessage(), e);
        }
    }

    /** Names of Bosun's temporaries beside {@code p} that a killed writer left ({@link StaleTemporaries}). */
    List<String> staleTemporaries(String p) {
        try (Resolved r = resolve(p, false, "clean up beside")) {
            if (r.unreachable() != null || r.parent() == null) {
                return List.of();
            }
            return StaleTemporaries.of(r.parent(), r.name(), root.euid()).stream().map(StaleTemporaries.Stale::name).toList();
        } catch (SyscallException e) {
            throw new BosunException("cannot list the directory of " + p + ": " + e.getMessage(), e);
        }
    }

    /** Removes the stale temporary {@code tempName} beside {@code p}, checked again on the directory's descriptor. */
    void removeStaleTemporary(String p, String tempName) {
        try (Resolved r = resolve(p, false, "clean up beside")) {
            if (r.unreachable() != null || r.parent() == null) {
                return;
            }
            for (StaleTemporaries.Stale s : StaleTemporaries.of(r.parent(), r.name(), root.euid())) {
                if (s.name().equals(tempName)) {
                    StaleTemporaries.remove(r.parent(), s);
                }
            }
        } catch (SyscallException e) {
            throw new BosunException("cannot delete " + tempName + " beside " + p + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDirectory(Fd dir, String name) {
        try {
            return LinuxFiles.statx(dir.get(), name, AT_SYMLINK_NOFOLLOW).isDirectory();
        } catch (SyscallException e) {
            return false;
        }
    }

    /** Sets owner and mode of an existing entry on its O_PATH descriptor (see {@link Attributes#onPath}). */
    void setAttributes(String p, Integer mode, Integer uid, Integer gid) {
        try (Resolved r = resolve(p, false, "change attributes of")) {
            if (!r.exists()) {
                throw new BosunException("cannot change attributes of " + p + ": " + reason(r));
            }
            if (mode != null && r.stat().isSymlink()) {
                throw new BosunException("cannot change the mode of " + p + ": it is a symlink, and links have no mode"
                        + " of their own on Linux");
            }
            Attributes.onPath(r.entry(), mode, uid, gid);
        } catch (SyscallException e) {
            throw new BosunException("cannot change attributes of " + p + ": " + e.getMessage(), e);
        }
    }

    /** Removes a file, link or empty directory with {@code unlinkat} in its directory; false when nothing was there. */
    boolean delete(String p) {
        try (Resolved r = resolve(p, false, "delete")) {
            if (!r.exists()) {
                return false;
            }
            LinuxFiles.unlinkat(parentOf(r, p, "delete").get(), r.name(), r.stat().isDirectory() ? AT_REMOVEDIR : 0);
            return true;
        } catch (SyscallException e) {
            throw new BosunException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

    /** Removes a tree on descriptors (see {@link TreeDelete}); false when nothing was there. */
    boolean deleteTree(String p) {
        try (Resolved r = resolve(p, false, "delete")) {
            if (!r.exists()) {
                return false;
            }
            TreeDelete.delete(parentOf(r, p, "delete"), r.name(), p);
            return true;
        } catch (SyscallException e) {
            throw new BosunException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

    /** shadow-utils' lock on the file, taken in its directory (see {@link ShadowLock}). */
    Fs.FileLock lock(String p, Duration timeout) {
        try (Resolved r = resolve(p, false, "lock")) {
            Fd dir = parentOf(r, p, "lock");
            // The lock outlives this walk: it gets its own descriptor of the directory.
            Fd own = Fd.of(LinuxFiles.openat(dir.get(), ".", O_PATH | O_DIRECTORY | O_CLOEXEC, 0));
            try {
                return ShadowLock.acquire(own, r.name(), timeout, p);
            } catch (RuntimeException e) {
                own.close();
                throw e;
            }
        } catch (SyscallException e) {
            throw new BosunException("cannot lock " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * An extended attribute of the entry itself (a last link is not followed), or null when it has
     * none. {@code lgetxattr} on {@code /proc/self/fd/<dir>/<name>}: the kernel resolves the magic
     * link to the directory the walk vetted and looks up that one name in it, without following it.
     */
    byte[] xattr(String p, String name) {
        try (Resolved r = resolve(p, false, "read attributes of")) {
            if (!r.exists()) {
                throw new BosunException("cannot read xattr " + name + " of " + p + ": " + reason(r));
            }
            return xattrOf(r.parent(), r.name(), r.entry(), name);
        } catch (SyscallException e) {
            throw new BosunException("cannot read xattr " + name + " of " + p + ": " + e.getMessage(), e);
        }
    }

    /** The xattr of {@code entryName} in {@code dir} (or of {@code self} when there is no directory: the root). */
    static byte[] xattrOf(Fd dir, String entryName, Fd self, String attr) {
        String path = dir != null ? dir.procPath() + "/" + entryName : self.procPath() + "/.";
        return LinuxFiles.lgetxattr(path, attr);
    }

    /**
     * Where a host path is on the real file system, every link resolved inside the root: the kernel's
     * name for the inode the walk reached ({@code /proc/self/fd}), or for a missing last component its
     * directory's name plus the component. For handing to an external tool only.
     */
    Path realPath(String p) {
        try (Resolved r = resolve(p, true, "resolve")) {
            if (r.exists()) {
                return Path.of(LinuxFiles.readlinkat(AT_FDCWD, r.entry().procPath()));
            }
            if (r.parent() != null) {
                return Path.of(LinuxFiles.readlinkat(AT_FDCWD, r.parent().procPath())).resolve(r.name());
            }
        } catch (SyscallException e) {
            throw new BosunException("cannot resolve " + p + ": " + e.getMessage(), e);
        }
        String rel = p.substring(1);
        return rel.isEmpty() ? root.path() : root.path().resolve(rel);
    }

    /**
     * Visits the tree below directory {@code p} (not following links, a last link of {@code p} itself
     * followed), parents before children, names sorted. Nothing when it is missing or not a directory.
     */
    void walk(String p, Fs.Visitor visitor) {
        try (Resolved r = resolve(p, true, "walk")) {
            if (!r.exists() || !r.stat().isDirectory()) {
                return;
            }
            try (Fd d = Fd.of(LinuxFiles.openat(r.entry().get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0))) {
                TreeWalk.walk(d, p, visitor);
            }
        } catch (SyscallException e) {
            throw new BosunException("cannot walk " + p + ": " + e.getMessage(), e);
        }
    }

    private Resolved resolve(String p, boolean follow, String verb) {
        try {
            return Resolver.resolve(root, p, follow);
        } catch (SyscallException e) {
            throw new BosunException("cannot " + verb + " " + p + ": " + e.getMessage(), e);
        }
    }

    private static Fd parentOf(Resolved r, String p, String verb) {
        if (r.unreachable() != null) {
            throw new BosunException("cannot " + verb + " " + p + ": " + reason(r));
        }
        if (r.parent() == null) {
            throw new BosunException("cannot " + verb + " " + p + ": it is the root directory");
        }
        return r.parent();
    }

    private static String reason(Resolved r) {
        return r.unreachable() != null ? r.unreachable().getMessage() : Errno.describe(Errno.ENOENT);
    }

    private static String linkText(Resolved r) {
        if (!r.stat().isSymlink()) {
            return null;
        }
        try {
            return LinuxFiles.readlinkat(r.entry().get(), "");
        } catch (SyscallException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        root.close();
    }
}
