package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;

import java.nio.file.Path;

import static dev.bosun.stdlib.effect.LinuxFiles.AT_EMPTY_PATH;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_REMOVEDIR;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_SYMLINK_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_CLOEXEC;
import static dev.bosun.stdlib.effect.LinuxFiles.O_DIRECTORY;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_RDONLY;

/**
 * Deletes a tree bottom-up on descriptors: each directory is opened {@code O_DIRECTORY|O_NOFOLLOW}
 * relative to its parent's descriptor, listed with {@code getdents64}, and its entries removed with
 * {@code unlinkat} relative to it. A link is unlinked, never entered; an entry swapped for a link (or
 * back) between looking and acting is looked at again, so whoever writes in the tree meanwhile (a
 * container in its overlay's upper layer) can never redirect the delete outside it. The delete never
 * enters another mount: a bind mount inside an upper layer must not make Bosun delete the host files
 * mounted there, so it is refused, naming the path.
 */
final class TreeDelete {
    /** Looks at one entry again at most this often when it keeps changing under us. */
    private static final int ATTEMPTS = 16;

    private TreeDelete() {
    }

    /**
     * Deletes {@code name} in {@code dir} with everything below it; nothing when it is not there.
     *
     * @param shown the entry's host path, for messages
     */
    static void delete(Fd dir, String name, String shown) {
        Statx reference = LinuxFiles.statx(dir.get(), "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
        remove(dir, name, shown, reference);
    }

    /**
     * Deletes Bosun's own directory {@code dir} (the dry-run scratch view) with everything in it. Its
     * parent is looked up by path once; below that everything is descriptors as above.
     */
    static void deleteOwn(Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        try (Fd p = Fd.of(LinuxFiles.openat(LinuxFiles.AT_FDCWD, parent.toString(),
                LinuxFiles.O_PATH | O_DIRECTORY | O_CLOEXEC, 0))) {
            delete(p, dir.getFileName().toString(), dir.toString());
        }
    }

    private static void remove(Fd dir, String name, String shown, Statx reference) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Statx st;
            try {
                st = LinuxFiles.statx(dir.get(), name, AT_SYMLINK_NOFOLLOW);
            } catch (SyscallException e) {
                if (e.is(Errno.ENOENT)) {
                    return;
                }
                throw e;
            }
            if (!st.isDirectory()) {
                if (unlink(dir, name, 0)) {
                    return;
                }
                continue;
            }
            refuseOtherMount(st, reference, shown);
            Fd sub;
            try {
                sub = Fd.of(LinuxFiles.openat(dir.get(), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0));
            } catch (SyscallException e) {
                if (e.is(Errno.ENOENT)) {
                    return;
                }
                if (e.is(Errno.ELOOP) || e.is(Errno.ENOTDIR)) {
                    continue; // swapped for a link or a file since the statx: look again
                }
                throw e;
            }
            try (sub) {
                refuseOtherMount(LinuxFiles.statx(sub.get(), "", AT_EMPTY_PATH), reference, shown);
                for (LinuxFiles.DirEntry e : LinuxFiles.entries(sub.get())) {
                    remove(sub, e.name(), shown + "/" + e.name(), reference);
                }
            }
            if (unlink(dir, name, AT_REMOVEDIR)) {
                return;
            }
        }
        throw new BosunException("cannot delete " + shown + ": it keeps changing while Bosun deletes it"
                + " (something is writing there); stop it and retry");
    }

    /** True when the entry is gone; false when it changed kind (or gained entries) and must be looked at again. */
    private static boolean unlink(Fd dir, String name, int flags) {
        try {
            LinuxFiles.unlinkat(dir.get(), name, flags);
            return true;
        } catch (SyscallException e) {
            if (e.is(Errno.ENOENT)) {
                return true;
            }
            if (e.is(Errno.EISDIR) || e.is(Errno.ENOTDIR) || e.is(Errno.ENOTEMPTY) || e.is(Errno.EEXIST)) {
                return false;
            }
            throw e;
        }
    }

    private static void refuseOtherMount(Statx st, Statx reference, String shown) {
        if (st.onOtherMountThan(reference)) {
            throw new BosunException("refusing to delete " + shown + ": another file system is mounted there"
                    + " (a delete never crosses a mount point); unmount it first");
        }
    }
}
