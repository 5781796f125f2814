package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

/**
 * Reads extended attributes with {@code lgetxattr(2)} through the FFM API (never following a
 * symlink). Java's UserDefinedFileAttributeView only sees the {@code user.} namespace, and overlayfs
 * keeps its markers in {@code trusted.}. Writing goes through {@code setfattr} so it is planned.
 */
final class Xattr {
    private static final int ENODATA = 61;
    private static final int ERANGE = 34;
    private static final int ENOTSUP = 95;
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(
            java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle LGETXATTR;

    static {
        Linker linker = Linker.nativeLinker();
        LGETXATTR = linker.downcallHandle(linker.defaultLookup().find("lgetxattr").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                Linker.Option.captureCallState("errno"));
    }

    private Xattr() {
    }

    /** The attribute's value, or null when the file has no such attribute (or the file system has none). */
    static byte[] get(Path file, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment path = arena.allocateFrom(file.toString());
            MemorySegment attr = arena.allocateFrom(name);
            long size = 64;
            while (true) {
                MemorySegment buf = arena.allocate(size);
                long n = (long) LGETXATTR.invokeExact(state, path, attr, buf, size);
                if (n >= 0) {
                    return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
                }
                int errno = (int) ERRNO.get(state, 0L);
                if (errno == ENODATA || errno == ENOTSUP) {
                    return null;
                }
                if (errno == ERANGE && size < 65536) {
                    size *= 16;
                    continue;
                }
                throw new BosunException("cannot read xattr " + name + " of " + file + ": errno " + errno);
            }
        } catch (BosunException e) {
            throw e;
        } catch (Throwable t) {
            throw new BosunException("cannot read xattr " + name + " of " + file + ": " + t, t);
        }
    }

    /** True when the attribute is exactly the single byte {@code y} (overlayfs' "opaque"). */
    static boolean isY(byte[] value) {
        return value != null && value.length == 1 && value[0] == 'y';
    }
}
