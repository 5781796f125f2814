package dev.bosun.stdlib.effect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Numeric owner and full mode bits. Owners are numeric on purpose: under {@code --root} the user may
 * exist only in the root's passwd, not in the host's name service.
 */
final class Attributes {
    private Attributes() {
    }

    static void set(Path p, Integer mode, Integer uid, Integer gid) throws IOException {
        if (uid != null) {
            Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        }
        if (gid != null) {
            Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
        if (mode != null) {
            if ((mode & 07000) != 0) {
                // setuid/setgid/sticky are not expressible as PosixFilePermission; the unix view takes them.
                Files.setAttribute(p, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
            } else {
                Files.setPosixFilePermissions(p, permissions(mode));
            }
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }
}
