package dev.bosun.stdlib.effect;

import static dev.bosun.stdlib.effect.LinuxFiles.AT_EMPTY_PATH;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_FDCWD;

/**
 * Numeric owner and full mode bits, always set on a descriptor, never on a path: a path would be
 * resolved again and could by then be a link to {@code /etc/shadow}. Owner first, because chown clears
 * the setuid and setgid bits the mode may set. Owners are numeric on purpose: under {@code --root} the
 * user may exist only in the root's passwd, not in the host's name service.
 */
final class Attributes {
    private Attributes() {
    }

    /** On a descriptor opened for reading or writing (a file Bosun just created, a directory it just made). */
    static void onOpenFile(Fd fd, Integer mode, Integer uid, Integer gid) {
        chown(fd, uid, gid);
        if (mode != null) {
            LinuxFiles.fchmod(fd.get(), mode);
        }
    }

    /**
     * On an {@code O_PATH|O_NOFOLLOW} descriptor of an existing entry (setAttributes), which may be
     * anything, a device or a fifo included, so it is not opened for real. {@code fchownat} with
     * AT_EMPTY_PATH takes an O_PATH descriptor (for a link it changes the link, like lchown). For the
     * mode, {@code fchmod} refuses O_PATH descriptors, so: {@code fchmodat2(fd, "", AT_EMPTY_PATH)}
     * (Linux 6.6); on an older kernel, {@code fchmodat("/proc/self/fd/N")}, whose magic link the kernel
     * resolves to the very inode the descriptor holds (glibc's own fallback for AT_SYMLINK_NOFOLLOW).
     * Callers refuse a mode for a symlink first: Linux links have no mode of their own, and the /proc
     * path would follow the link.
     */
    static void onPath(Fd fd, Integer mode, Integer uid, Integer gid) {
        chown(fd, uid, gid);
        if (mode == null) {
            return;
        }
        try {
            LinuxFiles.fchmodat2(fd.get(), "", mode, AT_EMPTY_PATH);
        } catch (SyscallException e) {
            // ENOSYS: before 6.6; EPERM/EINVAL: a seccomp filter that does not know the call yet.
            if (!e.is(Errno.ENOSYS) && !e.is(Errno.EPERM) && !e.is(Errno.EINVAL)) {
                throw e;
            }
            LinuxFiles.fchmodat(AT_FDCWD, fd.procPath(), mode);
        }
    }

    private static void chown(Fd fd, Integer uid, Integer gid) {
        if (uid != null || gid != null) {
            LinuxFiles.fchownat(fd.get(), "", uid != null ? uid : -1, gid != null ? gid : -1, AT_EMPTY_PATH);
        }
    }
}
