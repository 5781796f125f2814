package dev.bosun.stdlib.rootless;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A file's {@code security.capability} attribute ({@code struct vfs_cap_data} of linux/capability.h): the
 * capabilities an exec of the file gains. Fedora grants newuidmap/newgidmap {@code cap_setuid}/{@code cap_setgid}
 * this way instead of setuid root.
 *
 * @param revision  1, 2 or 3 ({@code VFS_CAP_REVISION_*})
 * @param effective whether the effective flag is set (the capabilities are in effect at exec, "+ep")
 * @param permitted the permitted set, 64 bits (revision 1: 32)
 * @param rootId    the owning user namespace's root uid for revision 3 (namespaced capabilities), else 0
 */
record FileCapabilities(int revision, boolean effective, long permitted, long rootId) {
    static final int CAP_SETGID = 6;
    static final int CAP_SETUID = 7;

    private static final int REVISION_MASK = 0xFF000000;
    private static final int FLAGS_EFFECTIVE = 0x000001;

    /** Parses the attribute's bytes (little-endian); null when they are not a known revision of the right size. */
    static FileCapabilities parse(byte[] value) {
        if (value == null || value.length < 4) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        int revision = (magic & REVISION_MASK) >>> 24;
        boolean effective = (magic & FLAGS_EFFECTIVE) != 0;
        return switch (revision) {
            case 1 -> value.length == 12 ? new FileCapabilities(1, effective, Integer.toUnsignedLong(b.getInt(4)), 0) : null;
            case 2 -> value.length == 20 ? new FileCapabilities(2, effective, permitted64(b), 0) : null;
            case 3 -> value.length == 24
                    ? new FileCapabilities(3, effective, permitted64(b), Integer.toUnsignedLong(b.getInt(20))) : null;
            default -> null;
        };
    }

    /** data[0].permitted is the low word, data[1].permitted the high one; the inheritable words sit between. */
    private static long permitted64(ByteBuffer b) {
        return Integer.toUnsignedLong(b.getInt(4)) | (Integer.toUnsignedLong(b.getInt(12)) << 32);
    }

    /** True when an exec of the file holds the capability in the initial user namespace. */
    boolean grants(int capability) {
        return effective && rootId == 0 && (permitted & (1L << capability)) != 0;
    }
}
