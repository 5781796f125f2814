package dev.bosun.stdlib.kvm;

import java.util.Map;

/** Linux errno numbers that opening and driving /dev/kvm can produce, named as in errno(3). */
final class Errno {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ENXIO = 6;
    static final int EACCES = 13;
    static final int ENODEV = 19;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM (operation not permitted)"),
            Map.entry(ENOENT, "ENOENT (no such file or directory)"),
            Map.entry(5, "EIO (input/output error)"),
            Map.entry(ENXIO, "ENXIO (no such device or address)"),
            Map.entry(9, "EBADF (bad file descriptor)"),
            Map.entry(12, "ENOMEM (out of memory)"),
            Map.entry(EACCES, "EACCES (permission denied)"),
            Map.entry(16, "EBUSY (device or resource busy)"),
            Map.entry(ENODEV, "ENODEV (no such device)"),
            Map.entry(22, "EINVAL (invalid argument)"),
            Map.entry(23, "ENFILE (too many open files in system)"),
            Map.entry(24, "EMFILE (too many open files)"),
            Map.entry(25, "ENOTTY (inappropriate ioctl for device)"),
            Map.entry(30, "EROFS (read-only file system)"),
            Map.entry(95, "EOPNOTSUPP (operation not supported)"));

    private Errno() {
    }

    static String describe(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }
}
