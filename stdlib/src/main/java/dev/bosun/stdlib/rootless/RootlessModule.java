package dev.bosun.stdlib.rootless;

import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;

/** The rootless-host preflight. */
@Module(name = "rootless", doc = "Checks that a user can run rootless Podman with Quadlet units on this host: cgroup v2 "
        + "and delegation, the OCI runtime, newuidmap/newgidmap, sub-IDs, user-namespace sysctls, /dev/net/tun and "
        + "pasta/slirp4netns, linger and XDG_RUNTIME_DIR, Podman's version and its Quadlet generator; each finding with "
        + "a remedy.")
public final class RootlessModule implements HostModule {
    @Op(doc = "Runs the rootless preflight and returns {canRun, verdict, user, uid, podmanVersion, findings}. Findings, in "
            + "order: cgroup (v2 unified; on a hybrid or v1 host crun refuses to run containers), controllers (memory, "
            + "pids, cpu delegated to user@UID.service), runtime (crun/runc installed and runs), newuidmap and newgidmap "
            + "(setuid root or cap_setuid/cap_setgid), subuid and subgid (the user's ranges, 65536 recommended), userns "
            + "(sysctls), tun (/dev/net/tun read+write for the user), network (pasta or slirp4netns), linger, runtimeDir "
            + "(/run/user/UID owned by the user, 0700), podman (4.4 or later), quadlet (the user generator). Each is ok, "
            + "warn, fail or skip, with a remedy when it is warn or fail; canRun is true exactly when none failed. Files "
            + "are read from the session's root; podman --version and the runtime's --version run on the live root only. "
            + "Without user: the caller, or only the host-wide findings when the caller is root. Fails when user is not "
            + "in etc/passwd.")
    public RootlessCheckResult check(HostContext ctx, @Optional @Doc("{user}: who would run the containers") RootlessCheckOptions options) {
        return RootlessCheck.run(ctx, options == null ? null : options.user());
    }
}
