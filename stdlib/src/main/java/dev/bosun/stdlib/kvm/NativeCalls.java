package dev.bosun.stdlib.kvm;

import dev.bosun.api.BosunException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * libc's {@code open}, {@code ioctl} and {@code close} through the FFM API. errno is captured by the
 * linker right after each call: reading it later from Java would see whatever the JVM did in between.
 */
final class NativeCalls {
    static final int O_RDWR = 02;
    static final int O_CLOEXEC = 02000000;

    /** The outcome of one system call: the return value, or -1 and the errno it left. */
    record Result(int value, int errno) {
        boolean failed() {
            return value < 0;
        }
    }

    private NativeCalls() {
    }

    static Result open(String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Handles.STATE);
            int r = (int) Handles.OPEN.invokeExact(state, arena.allocateFrom(path), flags, 0);
            return result(r, state);
        } catch (Throwable t) {
            throw failure("open", t);
        }
    }

    static Result ioctl(int fd, long request, long arg) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Handles.STATE);
            int r = (int) Handles.IOCTL.invokeExact(state, fd, request, arg);
            return result(r, state);
        } catch (Throwable t) {
            throw failure("ioctl", t);
        }
    }

    static Result close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Handles.STATE);
            int r = (int) Handles.CLOSE.invokeExact(state, fd);
            return result(r, state);
        } catch (Throwable t) {
            throw failure("close", t);
        }
    }

    private static Result result(int r, MemorySegment state) {
        return new Result(r, r < 0 ? (int) Handles.ERRNO.get(state, 0L) : 0);
    }

    private static BosunException failure(String call, Throwable t) {
        if (t instanceof Error e && !(t instanceof ExceptionInInitializerError)) {
            throw e;
        }
        Throwable cause = t instanceof ExceptionInInitializerError ei && ei.getCause() != null ? ei.getCause() : t;
        return new BosunException("cannot call " + call + "() through the FFM API: " + cause, cause);
    }

    /** Bound on first use, so a platform without these symbols fails a check instead of class loading. */
    private static final class Handles {
        static final StructLayout STATE = Linker.Option.captureStateLayout();
        static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        private static final Linker LINKER = Linker.nativeLinker();
        private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");
        // open(const char *, int, ...) and ioctl(int, unsigned long, ...) are variadic: the third
        // argument must be passed the variadic way or it can land in the wrong register.
        static final MethodHandle OPEN = bind("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                Linker.Option.firstVariadicArg(2), ERRNO_OPTION);
        static final MethodHandle IOCTL = bind("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(2), ERRNO_OPTION);
        static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPTION);

        private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            MemorySegment symbol = LINKER.defaultLookup().find(name)
                    .orElseThrow(() -> new IllegalStateException("libc has no " + name + "()"));
            return LINKER.downcallHandle(symbol, descriptor, options);
        }
    }
}
