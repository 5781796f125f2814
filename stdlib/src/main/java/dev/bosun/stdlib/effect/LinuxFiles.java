package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The Linux file system calls the effect layer is built on, called through the FFM API: the
 * {@code *at} family relative to directory descriptors, {@code openat2(2)} with its {@code RESOLVE_*}
 * flags, {@code statx(2)}, owner and mode on descriptors, {@code getdents64(2)} and {@code lgetxattr(2)}.
 * The JDK's file API takes path strings and re-resolves them on every call, which is what let a user
 * swap a path component for a symlink between two calls; every call here takes a descriptor instead.
 *
 * <p>Each call either returns or throws {@link SyscallException} with the errno the linker captured
 * right after the call (read later from Java it would be whatever the JVM did in between). Flag values
 * are the kernel's; the few that differ between architectures are chosen for the one we run on.
 */
final class LinuxFiles {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 01;
    static final int O_RDWR = 02;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_NOCTTY = 0400;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    static final int O_PATH = 010000000;
    static final int O_DIRECTORY = Arch.CURRENT.oDirectory;
    static final int O_NOFOLLOW = Arch.CURRENT.oNofollow;

    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_REMOVEDIR = 0x200;
    static final int AT_EMPTY_PATH = 0x1000;

    static final long RESOLVE_NO_XDEV = 0x01;
    static final long RESOLVE_NO_MAGICLINKS = 0x02;
    static final long RESOLVE_NO_SYMLINKS = 0x04;
    static final long RESOLVE_BENEATH = 0x08;
    static final long RESOLVE_IN_ROOT = 0x10;

    /** System call numbers of the calls glibc 2.36 has no wrapper for; the same on x86_64 and aarch64. */
    private static final long SYS_OPENAT2 = 437;
    private static final long SYS_FCHMODAT2 = 452;

    private static final int STATX_BASIC_STATS = 0x7ff;
    private static final int STATX_MNT_ID = 0x1000;
    private static final long STATX_ATTR_MOUNT_ROOT = 0x2000;
    private static final int STATX_SIZE = 256;
    private static final int DT_DIR = 4;
    private static final int DT_LNK = 10;
    private static final int DT_UNKNOWN = 0;

    private LinuxFiles() {
    }

    /** One directory entry as {@code getdents64} returns it ({@code type} may be unknown on some file systems). */
    record DirEntry(String name, int dtype) {
        boolean maybeDirectory() {
            return dtype == DT_DIR || dtype == DT_UNKNOWN;
        }

        boolean isSymlink() {
            return dtype == DT_LNK;
        }
    }

    /** {@code openat(2)}: the new descriptor. */
    static int openat(int dirfd, String path, int flags, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(path);
            return (int) call("openat", arena, s -> (int) H.OPENAT.invokeExact(s, dirfd, p, flags, mode));
        }
    }

    /** {@code openat2(2)} with a {@code struct open_how} of flags, mode and resolve flags. */
    static int openat2(int dirfd, String path, int flags, int mode, long resolve) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(path);
            MemorySegment how = arena.allocate(24, 8);
            how.set(JAVA_LONG, 0, flags & 0xffffffffL);
            how.set(JAVA_LONG, 8, mode & 0xffffffffL);
            how.set(JAVA_LONG, 16, resolve);
            return (int) call("openat2", arena, s -> (long) H.OPENAT2.invokeExact(s, SYS_OPENAT2, (long) dirfd, p, how,
                    24L));
        }
    }

    /** {@code statx(2)} of {@code path} relative to {@code dirfd}; with {@code ""} and AT_EMPTY_PATH, of the descriptor. */
    static Statx statx(int dirfd, String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(path);
            MemorySegment buf = arena.allocate(STATX_SIZE, 8);
            call("statx", arena, s -> (int) H.STATX.invokeExact(s, dirfd, p, flags, STATX_BASIC_STATS | STATX_MNT_ID, buf));
            // struct statx (include/uapi/linux/stat.h): the same layout on every architecture.
            long attributes = buf.get(JAVA_LONG, 8);
            long mtimeSec = buf.get(JAVA_LONG, 112);
            int mtimeNsec = buf.get(JAVA_INT, 120);
            // Before Linux 5.8 the mount id is not filled in; -1 says so and device numbers decide instead.
            long mntId = (buf.get(JAVA_INT, 0) & STATX_MNT_ID) != 0 ? buf.get(JAVA_LONG, 144) : -1;
            return new Statx(Short.toUnsignedInt(buf.get(JAVA_SHORT, 28)), buf.get(JAVA_INT, 20), buf.get(JAVA_INT, 24),
                    buf.get(JAVA_INT, 16), buf.get(JAVA_LONG, 32), buf.get(JAVA_LONG, 40),
                    mtimeSec * 1000 + mtimeNsec / 1_000_000, buf.get(JAVA_INT, 128), buf.get(JAVA_INT, 132),
                    buf.get(JAVA_INT, 136), buf.get(JAVA_INT, 140), mntId, (attributes & STATX_ATTR_MOUNT_ROOT) != 0);
        }
    }

    /** {@code fchownat(2)}; with {@code ""} and AT_EMPTY_PATH it changes the descriptor's inode (O_PATH too). */
    static void fchownat(int dirfd, String path, int uid, int gid, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(path);
            call("fchownat", arena, s -> (int) H.FCHOWNAT.invokeExact(s, dirfd, p, uid, gid, flags));
        }
    }

    /** {@code fchmod(2)} on an open (not O_PATH) descriptor. */
    static void fchmod(int fd, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            call("fchmod", arena, s -> (int) H.FCHMOD.invokeExact(s, fd, mode));
        }
    }

    /** {@code fchmodat2(2)} (Linux 6.6): unlike fchmodat it takes AT_EMPTY_PATH, so it can change an O_PATH descriptor. */
    static void fchmodat2(int dirfd, String path, int mode, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(path);
            call("fchmodat2", arena, s -> (long) H.FCHMODAT2.invokeExact(s, SYS_FCHMODAT2, (long) dirfd, p,
                    mode & 0xffffffffL, (long) flags));
        }
    }

    /** {@code fchmodat(2)} without flags (it follows the last component, which is why callers pass /proc/self/fd paths). */
    static void fchmodat(int dirfd, String path, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(path);
            call("fchmodat", arena, s -> (int) H.FCHMODAT.invokeExact(s, dirfd, p, mode, 0));
        }
    }

    static void mkdirat(int dirfd, String name, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(name);
            call("mkdirat", arena, s -> (int) H.MKDIRAT.invokeExact(s, dirfd, p, mode));
        }
    }

    static void unlinkat(int dirfd, String name, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(name);
            call("unlinkat", arena, s -> (int) H.UNLINKAT.invokeExact(s, dirfd, p, flags));
        }
    }

    /** {@code renameat(2)}: replaces {@code newName} atomically; a symlink there is replaced, never followed. */
    static void renameat(int oldDirfd, String oldName, int newDirfd, String newName) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment from = arena.allocateFrom(oldName);
            MemorySegment to = arena.allocateFrom(newName);
            call("renameat", arena, s -> (int) H.RENAMEAT.invokeExact(s, oldDirfd, from, newDirfd, to));
        }
    }

    /** {@code renameat2(2)} flag: fail with EEXIST rather than replace what is at the new name. */
    static final int RENAME_NOREPLACE = 1;

    /** {@code renameat2(2)}: as renameat, with flags such as {@link #RENAME_NOREPLACE}. */
    static void renameat2(int oldDirfd, String oldName, int newDirfd, String newName, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment from = arena.allocateFrom(oldName);
            MemorySegment to = arena.allocateFrom(newName);
            call("renameat2", arena, s -> (int) H.RENAMEAT2.invokeExact(s, oldDirfd, from, newDirfd, to, flags));
        }
    }

    /** {@code linkat(2)} without AT_SYMLINK_FOLLOW: a link to the entry itself, fails with EEXIST when taken. */
    static void linkat(int oldDirfd, String oldName, int newDirfd, String newName) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment from = arena.allocateFrom(oldName);
            MemorySegment to = arena.allocateFrom(newName);
            call("linkat", arena, s -> (int) H.LINKAT.invokeExact(s, oldDirfd, from, newDirfd, to, 0));
        }
    }

    /** The text of a symlink; with {@code ""}, of the O_PATH descriptor {@code dirfd} that names the link. */
    static String readlinkat(int dirfd, String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(path);
            for (long size = 256; size <= 65536; size *= 4) {
                MemorySegment buf = arena.allocate(size);
                long length = size;
                long n = call("readlinkat", arena, s -> (long) H.READLINKAT.invokeExact(s, dirfd, p, buf, length));
                if (n < size) {
                    return new String(buf.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
                }
            }
            throw new SyscallException("readlinkat", Errno.ENAMETOOLONG);
        }
    }

    /** Everything left to read on the descriptor. */
    static byte[] readAll(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            long chunk = 65536;
            MemorySegment buf = arena.allocate(chunk);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                long n;
                try {
                    n = call("read", arena, s -> (long) H.READ.invokeExact(s, fd, buf, chunk));
                } catch (SyscallException e) {
                    if (e.is(Errno.EINTR)) {
                        continue;
                    }
                    throw e;
                }
                if (n == 0) {
                    return out.toByteArray();
                }
                out.write(buf.asSlice(0, n).toArray(JAVA_BYTE), 0, (int) n);
            }
        }
    }

    /** Writes all of {@code data} (a short write continues where it stopped). */
    static void writeAll(int fd, byte[] data) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, buf, JAVA_BYTE, 0, data.length);
            long off = 0;
            while (off < data.length) {
                MemorySegment rest = buf.asSlice(off);
                long length = data.length - off;
                try {
                    off += call("write", arena, s -> (long) H.WRITE.invokeExact(s, fd, rest, length));
                } catch (SyscallException e) {
                    if (!e.is(Errno.EINTR)) {
                        throw e;
                    }
                }
            }
        }
    }

    static void fsync(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            call("fsync", arena, s -> (int) H.FSYNC.invokeExact(s, fd));
        }
    }

    static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            call("close", arena, s -> (int) H.CLOSE.invokeExact(s, fd));
        } catch (SyscallException e) {
            // Linux frees the descriptor even when close reports EINTR; retrying could close someone else's.
            if (!e.is(Errno.EINTR)) {
                throw e;
            }
        }
    }

    /** The entries of an open (O_RDONLY|O_DIRECTORY) directory, without {@code .} and {@code ..}, in directory order. */
    static List<DirEntry> entries(int dirfd) {
        try (Arena arena = Arena.ofConfined()) {
            long size = 32768;
            MemorySegment buf = arena.allocate(size, 8);
            List<DirEntry> out = new ArrayList<>();
            while (true) {
                long n = call("getdents64", arena, s -> (long) H.GETDENTS64.invokeExact(s, dirfd, buf, size));
                if (n == 0) {
                    return out;
                }
                // struct linux_dirent64: u64 d_ino, s64 d_off, u16 d_reclen, u8 d_type, char d_name[].
                for (long off = 0; off < n; ) {
                    int reclen = Short.toUnsignedInt(buf.get(JAVA_SHORT, off + 16));
                    int type = Byte.toUnsignedInt(buf.get(JAVA_BYTE, off + 18));
                    String name = buf.getString(off + 19, StandardCharsets.UTF_8);
                    if (!name.equals(".") && !name.equals("..")) {
                        out.add(new DirEntry(name, type));
                    }
                    off += reclen;
                }
            }
        }
    }

    /** {@code lgetxattr(2)}: the value, or null when there is no such attribute or the file system has none. */
    static byte[] lgetxattr(String path, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(path);
            MemorySegment attr = arena.allocateFrom(name);
            for (long size = 256; ; size *= 16) {
                MemorySegment buf = arena.allocate(size);
                long length = size;
                try {
                    long n = call("lgetxattr", arena, s -> (long) H.LGETXATTR.invokeExact(s, p, attr, buf, length));
                    return buf.asSlice(0, n).toArray(JAVA_BYTE);
                } catch (SyscallException e) {
                    if (e.is(Errno.ENODATA) || e.is(Errno.EOPNOTSUPP)) {
                        return null;
                    }
                    if (!e.is(Errno.ERANGE) || size >= 65536) {
                        throw e;
                    }
                }
            }
        }
    }

    /** One downcall given the errno capture segment; returns the call's result (int results widened). */
    @FunctionalInterface
    private interface Downcall {
        long invoke(MemorySegment state) throws Throwable;
    }

    /**
     * Makes one call: the capture segment, the call, and a negative result turned into a
     * {@link SyscallException} with the errno the linker captured. The one place that handles the
     * {@code Throwable} of {@code invokeExact}.
     */
    private static long call(String name, Arena arena, Downcall downcall) {
        MemorySegment state;
        long r;
        try {
            state = arena.allocate(H.STATE);
            r = downcall.invoke(state);
        } catch (Throwable t) {
            throw unusable(name, t);
        }
        if (r < 0) {
            throw new SyscallException(name, (int) H.ERRNO.get(state, 0L));
        }
        return r;
    }

    private static BosunException unusable(String call, Throwable t) {
        if (t instanceof Error e && !(t instanceof ExceptionInInitializerError)) {
            throw e;
        }
        Throwable cause = t instanceof ExceptionInInitializerError ei && ei.getCause() != null ? ei.getCause() : t;
        return new BosunException("cannot call " + call + "() through the FFM API: " + cause, cause);
    }

    /** The open flags that differ between architectures (asm-generic vs. arm64's own fcntl.h). */
    private enum Arch {
        GENERIC(00200000, 00400000),
        ARM64(040000, 0100000);

        static final Arch CURRENT = detect();

        final int oDirectory;
        final int oNofollow;

        Arch(int oDirectory, int oNofollow) {
            this.oDirectory = oDirectory;
            this.oNofollow = oNofollow;
        }

        private static Arch detect() {
            String arch = System.getProperty("os.arch", "");
            return switch (arch) {
                case "amd64", "x86_64", "riscv64" -> GENERIC;
                case "aarch64", "arm64" -> ARM64;
                default -> throw new IllegalStateException("the file layer knows the open flags of x86_64, aarch64 and"
                        + " riscv64 only, not of " + arch);
            };
        }
    }

    /** The downcall handles, bound on first use so a platform without them fails a call, not class loading. */
    private static final class H {
        static final StructLayout STATE = Linker.Option.captureStateLayout();
        static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        private static final Linker LINKER = Linker.nativeLinker();
        private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

        // openat(int, const char *, int, ...) and syscall(long, ...) are variadic: the variadic part must be
        // passed the variadic way or it can land in the wrong register.
        static final MethodHandle OPENAT = bind("openat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT,
                JAVA_INT), Linker.Option.firstVariadicArg(3), ERRNO_OPTION);
        // syscall(SYS_openat2, dirfd, path, &how, sizeof how) and syscall(SYS_fchmodat2, dirfd, path, mode, flags).
        static final MethodHandle OPENAT2 = bind("syscall", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG,
                ADDRESS, ADDRESS, JAVA_LONG), Linker.Option.firstVariadicArg(1), ERRNO_OPTION);
        static final MethodHandle FCHMODAT2 = bind("syscall", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG,
                ADDRESS, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(1), ERRNO_OPTION);
        static final MethodHandle STATX = bind("statx", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT,
                JAVA_INT, ADDRESS), ERRNO_OPTION);
        static final MethodHandle FCHOWNAT = bind("fchownat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPTION);
        static final MethodHandle FCHMOD = bind("fchmod", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT),
                ERRNO_OPTION);
        static final MethodHandle FCHMODAT = bind("fchmodat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT, JAVA_INT), ERRNO_OPTION);
        static final MethodHandle MKDIRAT = bind("mkdirat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT), ERRNO_OPTION);
        static final MethodHandle UNLINKAT = bind("unlinkat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT), ERRNO_OPTION);
        static final MethodHandle RENAMEAT = bind("renameat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS), ERRNO_OPTION);
        static final MethodHandle RENAMEAT2 = bind("renameat2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPTION);
        static final MethodHandle LINKAT = bind("linkat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPTION);
        static final MethodHandle READLINKAT = bind("readlinkat", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS,
                ADDRESS, JAVA_LONG), ERRNO_OPTION);
        static final MethodHandle READ = bind("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
                ERRNO_OPTION);
        static final MethodHandle WRITE = bind("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
                ERRNO_OPTION);
        static final MethodHandle FSYNC = bind("fsync", FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPTION);
        static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPTION);
        static final MethodHandle GETDENTS64 = bind("getdents64", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS,
                JAVA_LONG), ERRNO_OPTION);
        static final MethodHandle LGETXATTR = bind("lgetxattr", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS,
                ADDRESS, JAVA_LONG), ERRNO_OPTION);

        private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            MemorySegment symbol = LINKER.defaultLookup().find(name)
                    .orElseThrow(() -> new IllegalStateException("libc has no " + name + "()"));
            return LINKER.downcallHandle(symbol, descriptor, options);
        }
    }
}
