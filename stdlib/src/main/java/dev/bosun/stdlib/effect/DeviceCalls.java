package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The libc and kernel calls of {@link DeviceProbes}, through the FFM API: {@code open}, {@code openat2}
 * (by number, glibc has no wrapper before 2.39), {@code statx}, {@code ioctl} and {@code close}. errno is
 * captured by the linker right after each call: reading it later from Java would see whatever the JVM
 * did in between. The handles are bound when the class is first used, so a platform without these
 * symbols fails a probe instead of class loading.
 */
final class DeviceCalls {
    static final int O_RDWR = 02;
    static final int O_NOCTTY = 0400;
    static final int O_DIRECTORY = 0200000;
    static final int O_NOFOLLOW = 0400000;
    static final int O_CLOEXEC = 02000000;
    static final int O_PATH = 010000000;
    /** openat2(2) resolve flags: stay inside the directory given, never through /proc magic links. */
    static final long RESOLVE_NO_MAGICLINKS = 0x02;
    static final long RESOLVE_IN_ROOT = 0x10;
    /** openat2 has the same number on every architecture (it came after the syscall tables were unified). */
    static final long SYS_OPENAT2 = 437;
    static final int ENOENT = 2;
    static final int ENOSYS = 38;

    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int STATX_TYPE = 0x1;
    private static final int STATX_MODE = 0x2;
    /** struct statx (linux/stat.h): stx_mode at 28, stx_rdev_major/minor at 128/132, 256 bytes in all. */
    private static final long STATX_SIZE = 256;
    private static final long STX_MODE = 28;
    private static final long STX_RDEV_MAJOR = 128;
    private static final long STX_RDEV_MINOR = 132;

    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");
    // open(const char *, int, ...), ioctl(int, unsigned long, ...) and syscall(long, ...) are variadic: the
    // arguments after the fixed ones must be passed the variadic way or they can land in the wrong register.
    private static final MethodHandle OPEN = bind("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2), ERRNO_OPTION);
    private static final MethodHandle SYSCALL4 = bind("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), ERRNO_OPTION);
    private static final MethodHandle STATX = bind("statx",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), ERRNO_OPTION);
    private static final MethodHandle IOCTL = bind("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(2), ERRNO_OPTION);
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPTION);

    /** The outcome of one call: the return value, or -1 and the errno it left. */
    record Result(int value, int errno) {
        boolean failed() {
            return value < 0;
        }
    }

    /** What {@code statx} says about a descriptor: the file type and permission bits, and the device numbers. */
    record Node(int mode, int rdevMajor, int rdevMinor) {
        boolean isCharDevice() {
            return (mode & 0170000) == 0020000;
        }
    }

    private DeviceCalls() {
    }

    static Result open(String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(STATE);
            int r = (int) OPEN.invokeExact(state, arena.allocateFrom(path), flags, 0);
            return result(r, state);
        } catch (Throwable t) {
            throw failure("open", t);
        }
    }

    /** openat2(dirfd, path, {flags, mode 0, resolve}). */
    static Result openat2(int dirfd, String path, long flags, long resolve) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(STATE);
            // struct open_how { __u64 flags; __u64 mode; __u64 resolve; }
            MemorySegment how = arena.allocate(24, 8);
            how.set(ValueLayout.JAVA_LONG, 0, flags);
            how.set(ValueLayout.JAVA_LONG, 8, 0L);
            how.set(ValueLayout.JAVA_LONG, 16, resolve);
            long r = (long) SYSCALL4.invokeExact(state, SYS_OPENAT2, (long) dirfd, arena.allocateFrom(path), how,
                    how.byteSize());
            return result((int) r, state);
        } catch (Throwable t) {
            throw failure("openat2", t);
        }
    }

    /** statx on the descriptor itself (works on O_PATH descriptors); null with the errno in {@code errno[0]} on failure. */
    static Node stat(int fd, int[] errno) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(STATE);
            MemorySegment buf = arena.allocate(STATX_SIZE, 8);
            int r = (int) STATX.invokeExact(state, fd, arena.allocateFrom(""), AT_EMPTY_PATH, STATX_TYPE | STATX_MODE, buf);
            if (r < 0) {
                errno[0] = (int) ERRNO.get(state, 0L);
                return null;
            }
            return new Node(Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, STX_MODE)),
                    buf.get(ValueLayout.JAVA_INT, STX_RDEV_MAJOR), buf.get(ValueLayout.JAVA_INT, STX_RDEV_MINOR));
        } catch (Throwable t) {
            throw failure("statx", t);
        }
    }

    static Result ioctl(int fd, long request, long arg) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(STATE);
            int r = (int) IOCTL.invokeExact(state, fd, request, arg);
            return result(r, state);
        } catch (Throwable t) {
            throw failure("ioctl", t);
        }
    }

    static Result close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(STATE);
            int r = (int) CLOSE.invokeExact(state, fd);
            return result(r, state);
        } catch (Throwable t) {
            throw failure("close", t);
        }
    }

    private static Result result(int r, MemorySegment state) {
        return new Result(r, r < 0 ? (int) ERRNO.get(state, 0L) : 0);
    }

    private static BosunException failure(String call, Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return new BosunException("cannot call " + call + "() through the FFM API: " + t, t);
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("libc has no " + name + "()"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }
}
