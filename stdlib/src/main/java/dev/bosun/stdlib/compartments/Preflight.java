package dev.bosun.stdlib.compartments;

import dev.bosun.api.HostContext;

/**
 * The rootless-host preflight that {@code compartments.apply} runs before its first change (issue 15's
 * {@code rootless.check}: cgroup v2 delegation, runtime, newuidmap, /dev/net/tun, user namespaces, a Podman with a
 * Quadlet generator). It refuses, with the reason, a host where the compartment could not run. This is the single
 * call site: {@link CompartmentApply} calls {@link #require} once, before anything is planned.
 */
interface Preflight {
    /** Fails with a one-line reason when the host cannot run the compartment's containers. */
    void require(HostContext ctx, CompartmentSpec spec);

    /**
     * Until the rootless module lands there is no check to run; its {@code rootless.check} plugs in here (a
     * failing finding becomes a {@code BosunException} naming the finding and its remedy).
     */
    Preflight NONE = (ctx, spec) -> { };
}
