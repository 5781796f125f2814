package dev.bosun.stdlib.overlay;

/**
 * overlayfs' marker values. The attributes themselves are read through {@code ctx.fs().xattr}, which
 * looks at the entry on descriptors without following a link (Java's UserDefinedFileAttributeView
 * only sees the {@code user.} namespace, and overlayfs keeps its markers in {@code trusted.}); writing
 * goes through {@code setfattr} so it is planned.
 */
final class Xattr {
    private Xattr() {
    }

    /** True when the attribute is exactly the single byte {@code y} (overlayfs' "opaque"). */
    static boolean isY(byte[] value) {
        return value != null && value.length == 1 && value[0] == 'y';
    }

    /** True when the attribute is exactly {@code x}: the directory may hold xattr whiteouts (kernel 6.7+). */
    static boolean isX(byte[] value) {
        return value != null && value.length == 1 && value[0] == 'x';
    }
}
