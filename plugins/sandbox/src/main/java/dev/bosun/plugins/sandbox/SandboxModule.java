package dev.bosun.plugins.sandbox;

import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import org.pf4j.Extension;

import java.util.ArrayList;
import java.util.List;

/** Container build sandboxes, generalised from the ISO-builder sandbox (reference sandbox.md). */
@Extension
@Module(name = "sandbox", doc = "Container build sandboxes: which runtime to use (Podman, Docker, gVisor) and "
        + "locked-down run specs as podman/docker argv and a Quadlet unit.")
public final class SandboxModule implements HostModule {

    @Op(doc = "Detects the container runtime: Podman preferred (rootless, no daemon), Docker as fallback; its "
            + "version, whether it works (RUNTIME version), whether it is rootless, and for Docker the registered OCI "
            + "runtimes (gvisor: runsc). Fails only when neither is installed.")
    public RuntimeInfo runtime(HostContext ctx) {
        return new RuntimeDetector(ctx.exec()).detect();
    }

    @Op(doc = "Builds a sandboxed run: the exact podman and docker argv and an equivalent Quadlet .container unit. "
            + "Defaults: network none, read-only root, all capabilities dropped. Warns about combinations that undo "
            + "the sandbox (privileged with capability drops). Changes nothing.")
    public SpecResult spec(HostContext ctx, @Doc("the run: image, network, readOnly, tmpfs, capDrop, capAdd, memory, "
            + "cpus, env, timeoutSeconds, ...") SandboxSpec spec) {
        return new SpecResult(RunArgv.of("podman", spec), RunArgv.of("docker", spec), SandboxUnit.unit(ctx, spec).text(),
                spec.timeoutSeconds(), warnings(spec));
    }

    static List<String> warnings(SandboxSpec s) {
        List<String> w = new ArrayList<>();
        if (s.privileged()) {
            if (!s.capDrops().isEmpty()) {
                w.add("privileged gives the container every capability and device, which voids capDrop "
                        + String.join(",", s.capDrops()) + " (and most of readOnly/network none); prefer capAdd and "
                        + "devices entries (e.g. /dev/loop-control) for what the build needs");
            } else {
                w.add("privileged gives the container every capability and host device; prefer capAdd and devices");
            }
        }
        String first = s.image().split("/")[0];
        if (!s.image().contains("/") || !(first.contains(".") || first.contains(":") || first.equals("localhost"))) {
            w.add("image " + s.image() + " is a short name: the registry is chosen by short-name aliases at pull time; "
                    + "give the registry (e.g. docker.io/library/" + s.image() + " or localhost/" + s.image() + ")");
        }
        if (s.network().equals("host")) {
            w.add("network host shares the host's network stack with the sandbox");
        }
        return List.copyOf(w);
    }
}
