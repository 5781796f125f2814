package dev.bosun.stdlib.overlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process runs in the initial user namespace. Outside it (e.g. {@code unshare -r}) the
 * kernel refuses {@code trusted.*} xattrs, so overlays use {@code user.overlay.*} and the
 * {@code userxattr} mount option instead.
 */
final class UserNamespace {
    private UserNamespace() {
    }

    static boolean initial() {
        try {
            String map = Files.readString(Path.of("/proc/self/uid_map")).trim();
            // The initial namespace maps the whole 32-bit range onto itself.
            return map.split("\\s+").length == 3 && map.matches("0\\s+0\\s+4294967295");
        } catch (IOException e) {
            return true;
        }
    }
}
