package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.DeviceProbe;
import dev.bosun.api.Devices;

import java.nio.file.Path;

/**
 * {@link Devices} on the live kernel. The node is found with {@code openat2(RESOLVE_IN_ROOT |
 * RESOLVE_NO_MAGICLINKS)} relative to the host root as an {@code O_PATH|O_NOFOLLOW} descriptor, which
 * opens nothing: a link cannot lead out of the root and a link in the last place is seen as a link. Its
 * type and device numbers are checked on that descriptor, and only then is that same inode opened
 * read+write, through {@code /proc/self/fd} (the kernel's way to reopen a descriptor, with the usual
 * permission check). So a swapped node or a link to {@code /dev/sda} never gets an open or an ioctl.
 */
public final class DeviceProbes implements Devices {
    private final Path root;

    /** @param root the host root the device paths are resolved in */
    public DeviceProbes(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Opened open(String hostPath, int major, int minor) {
        Check.absolutePath("path", hostPath);
        try {
            return openChecked(hostPath, major, minor);
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BosunException("cannot probe " + hostPath + ": the FFM bindings of open/openat2/statx/ioctl are "
                    + "not available here: " + cause, cause);
        }
    }

    private Opened openChecked(String hostPath, int major, int minor) {
        DeviceCalls.Result rootFd = DeviceCalls.open(root.toString(), DeviceCalls.O_PATH | DeviceCalls.O_DIRECTORY
                | DeviceCalls.O_CLOEXEC);
        if (rootFd.failed()) {
            throw new BosunException("cannot open the host root " + root + " to probe " + hostPath + ": errno "
                    + rootFd.errno());
        }
        try {
            DeviceCalls.Result node = DeviceCalls.openat2(rootFd.value(), hostPath.substring(1),
                    DeviceCalls.O_PATH | DeviceCalls.O_NOFOLLOW | DeviceCalls.O_CLOEXEC,
                    DeviceCalls.RESOLVE_IN_ROOT | DeviceCalls.RESOLVE_NO_MAGICLINKS);
            if (node.failed()) {
                if (node.errno() == DeviceCalls.ENOSYS) {
                    throw new BosunException("cannot probe " + hostPath + ": the kernel has no openat2 (Linux 5.6 or "
                            + "later is needed to open a device node without following links out of the root)");
                }
                return new Opened(null, node.errno());
            }
            try {
                return reopen(hostPath, node.value(), major, minor);
            } finally {
                DeviceCalls.close(node.value());
            }
        } finally {
            DeviceCalls.close(rootFd.value());
        }
    }

    /** Checks the O_PATH descriptor's node, then opens that very inode read+write. */
    private Opened reopen(String hostPath, int pathFd, int major, int minor) {
        int[] errno = new int[1];
        DeviceCalls.Node n = DeviceCalls.stat(pathFd, errno);
        if (n == null) {
            throw new BosunException("cannot stat " + hostPath + " under " + root + ": errno " + errno[0]);
        }
        if (!n.isCharDevice() || n.rdevMajor() != major || n.rdevMinor() != minor) {
            throw new BosunException("not probing " + hostPath + " under " + root + ": it is " + describe(n)
                    + ", not character device " + major + ":" + minor);
        }
        DeviceCalls.Result rw = DeviceCalls.open("/proc/self/fd/" + pathFd, DeviceCalls.O_RDWR | DeviceCalls.O_NOCTTY
                | DeviceCalls.O_CLOEXEC);
        if (rw.failed() && rw.errno() == DeviceCalls.ENOENT) {
            throw new BosunException("cannot open " + hostPath + " through /proc/self/fd: /proc is not mounted");
        }
        return rw.failed() ? new Opened(null, rw.errno()) : new Opened(new OpenDevice(hostPath, rw.value(), major, minor), 0);
    }

    private static String describe(DeviceCalls.Node n) {
        return switch (n.mode() & 0170000) {
            case 0020000 -> "character device " + n.rdevMajor() + ":" + n.rdevMinor();
            case 0060000 -> "block device " + n.rdevMajor() + ":" + n.rdevMinor();
            case 0120000 -> "a symbolic link";
            case 0040000 -> "a directory";
            case 0100000 -> "a regular file";
            default -> String.format("a file of type %06o", n.mode() & 0170000);
        };
    }

    /** An open device: probes for its own numbers only. */
    private static final class OpenDevice implements Device {
        private final String path;
        private final int fd;
        private final int major;
        private final int minor;
        private boolean closed;

        OpenDevice(String path, int fd, int major, int minor) {
            this.path = path;
            this.fd = fd;
            this.major = major;
            this.minor = minor;
        }

        @Override
        public synchronized ProbeResult probe(DeviceProbe probe, long arg) {
            if (closed) {
                throw new IllegalStateException(path + " is closed");
            }
            if (probe.major() != major || probe.minor() != minor) {
                throw new BosunException(probe + " is for character device " + probe.major() + ":" + probe.minor()
                        + ", not for " + path + " (" + major + ":" + minor + ")");
            }
            DeviceCalls.Result r = DeviceCalls.ioctl(fd, probe.request(), arg);
            if (!r.failed() && probe.effect() == DeviceProbe.Effect.TRANSIENT) {
                DeviceCalls.close(r.value());
            }
            return new ProbeResult(r.value(), r.errno());
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                DeviceCalls.close(fd);
            }
        }
    }
}
