package dev.bosun.stdlib.compartments;

import dev.bosun.api.Command;
import dev.bosun.api.HostContext;

import java.nio.charset.StandardCharsets;

/**
 * The SELinux type a volume directory needs for containers to use it, set only where SELinux is enabled (its file
 * system is mounted on the live host). {@code chcon} labels the directory itself; Podman's {@code :z}/{@code :Z}
 * volume options relabel contents at each start, so Bosun adds no persistent {@code semanage fcontext} rule that a
 * removal would have to find again (quadletman's pitfall 14 leaks exactly those).
 */
final class SeLinux {
    static final String TYPE = "container_file_t";

    private SeLinux() {
    }

    static boolean enabled(HostContext ctx) {
        return ctx.liveRoot() && ctx.fs().exists("/sys/fs/selinux/enforce");
    }

    static void label(HostContext ctx, String dir) {
        if (!enabled(ctx)) {
            return;
        }
        byte[] label = ctx.fs().exists(dir) ? ctx.fs().xattr(dir, "security.selinux") : null;
        if (label != null && new String(label, StandardCharsets.UTF_8).contains(":" + TYPE + ":")) {
            return;
        }
        ctx.exec().run(Command.of("chcon", "-t", TYPE, "--", dir));
    }
}
