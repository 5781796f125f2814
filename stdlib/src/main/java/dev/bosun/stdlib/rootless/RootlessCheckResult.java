package dev.bosun.stdlib.rootless;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

import java.util.List;

/** The outcome of {@code rootless.check}. */
@Doc("The rootless preflight: whether this user can run rootless Podman with Quadlet units here, and why not.")
public record RootlessCheckResult(
        @Doc("true exactly when no finding failed") boolean canRun,
        @Doc("one line: the verdict and, when it is no, the failed findings") String verdict,
        @Doc("the user checked, or null when only host-wide findings were made (caller root, no user named)") @Nullable String user,
        @Doc("that user's uid, or null") @Nullable Long uid,
        @Doc("what podman --version said (e.g. 5.4.2), or null when it was not asked or Podman is missing") @Nullable String podmanVersion,
        @Doc("the findings in order: cgroup, controllers, runtime, newuidmap, newgidmap, subuid, subgid, userns, tun, "
                + "network, linger, runtimeDir, podman, quadlet") List<RootlessFinding> findings) {

    public RootlessCheckResult {
        findings = List.copyOf(findings);
    }

    /** The finding with this id, or null. */
    public RootlessFinding finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    /** The findings that stop rootless Podman with Quadlet from working, in order; empty when {@link #canRun()}. */
    public List<RootlessFinding> failures() {
        return findings.stream().filter(RootlessFinding::failed).toList();
    }
}
