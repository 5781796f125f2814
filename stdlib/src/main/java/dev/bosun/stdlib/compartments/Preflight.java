package dev.bosun.stdlib.compartments;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.HostContext;
import dev.bosun.stdlib.rootless.RootlessCheck;
import dev.bosun.stdlib.rootless.RootlessCheckResult;
import dev.bosun.stdlib.rootless.RootlessFinding;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rootless-host preflight that {@code compartments.apply} runs before its first change: {@code rootless.check}'s
 * host-wide findings (cgroup v2 delegation, runtime, newuidmap/newgidmap, user namespaces, /dev/net/tun, a Podman with
 * a Quadlet generator). The user's own findings (sub-IDs, lingering, runtime directory) are what apply sets up, so
 * they are not asked before it. This is the single call site: {@link CompartmentApply} calls {@link #require} once,
 * before anything is planned.
 */
interface Preflight {
    /**
     * On the live host, fails with one line naming every failed finding and its remedy, so nothing is changed on a
     * host where the containers could not run (a dry-run fails the same way: the plan says what apply would do). Under
     * {@code --root} the tree is not the running host (its kernel, devices and Podman are another machine's), so the
     * failures come back as warnings.
     */
    List<String> require(HostContext ctx, CompartmentSpec spec);

    /** No preflight, for tests of the rest of apply on a machine that cannot run rootless containers. */
    Preflight NONE = (ctx, spec) -> List.of();

    /** {@code rootless.check} for the host. */
    Preflight ROOTLESS = of(ctx -> RootlessCheck.run(ctx, null));

    static Preflight of(Function<HostContext, RootlessCheckResult> check) {
        return (ctx, spec) -> {
            RootlessCheckResult r = check.apply(ctx);
            if (r.canRun()) {
                return List.of();
            }
            String failures = r.failures().stream().map(Preflight::describe).collect(Collectors.joining("; "));
            if (ctx.liveRoot()) {
                throw new BosunException("compartment " + Check.quote(spec.id()) + " cannot run on this host: " + failures);
            }
            return List.of("rootless.check on the tree under --root (not the running host, so not a refusal): " + failures);
        };
    }

    private static String describe(RootlessFinding f) {
        return f.id() + " failed (" + f.detail() + ")" + (f.remedy() == null ? "" : ", remedy: " + f.remedy());
    }
}
