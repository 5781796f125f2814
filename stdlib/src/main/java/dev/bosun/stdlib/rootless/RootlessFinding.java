package dev.bosun.stdlib.rootless;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

/** One finding of the rootless preflight. */
@Doc("One finding of the rootless preflight: what was checked, the verdict, what was seen and what to do about it.")
public record RootlessFinding(
        @Doc("stable identifier: cgroup, controllers, runtime, newuidmap, newgidmap, subuid, subgid, userns, "
                + "tun, network, linger, runtimeDir, podman, quadlet") String id,
        @Doc("what is checked, phrased to follow \"Checking \"") String title,
        @Doc("ok, warn, fail or skip") FindingStatus status,
        @Doc("what was found") String detail,
        @Doc("what to do when the status is warn or fail (a command or an operation), else null") @Nullable String remedy) {

    static RootlessFinding ok(String id, String title, String detail) {
        return new RootlessFinding(id, title, FindingStatus.OK, detail, null);
    }

    static RootlessFinding skip(String id, String title, String detail) {
        return new RootlessFinding(id, title, FindingStatus.SKIP, detail, null);
    }

    static RootlessFinding warn(String id, String title, String detail, String remedy) {
        return new RootlessFinding(id, title, FindingStatus.WARN, detail, remedy);
    }

    static RootlessFinding fail(String id, String title, String detail, String remedy) {
        return new RootlessFinding(id, title, FindingStatus.FAIL, detail, remedy);
    }

    /** True when this finding stops rootless Podman with Quadlet from working. */
    public boolean failed() {
        return status == FindingStatus.FAIL;
    }
}
