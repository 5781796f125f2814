package dev.bosun.stdlib.quadlet;

import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;

/** The Podman version units are validated for by default: the installed one, else the newest Bosun knows. */
public final class PodmanDiscovery {
    private PodmanDiscovery() {
    }

    public static PodmanVersion target(HostContext ctx, String requested) {
        if (requested != null) {
            return PodmanVersion.parse("podman", requested);
        }
        if (ctx.exec().available("podman")) {
            ExecResult r = ctx.exec().run(Command.of("podman", "--version").readOnly().unchecked());
            if (r.ok()) {
                try {
                    return PodmanVersion.parse("podman", r.stdout().strip());
                } catch (RuntimeException e) {
                    // An unrecognised version string is no reason to fail; fall back to the table's version.
                }
            }
        }
        return PodmanVersion.NEWEST;
    }
}
