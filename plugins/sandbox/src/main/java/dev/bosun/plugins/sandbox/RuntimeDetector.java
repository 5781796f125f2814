package dev.bosun.plugins.sandbox;

import dev.bosun.api.BosunException;
import dev.bosun.api.Command;
import dev.bosun.api.Exec;
import dev.bosun.api.ExecResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the container runtime the way the ISO-builder sandbox does (sandbox.md): Podman first (rootless
 * by default, no daemon), Docker as the fallback; "found" is being on the PATH, "working" is
 * {@code RUNTIME version} exiting 0. For Docker the registered OCI runtimes tell whether gVisor is
 * available. All probes are read-only commands through {@link Exec}.
 */
final class RuntimeDetector {
    static final List<String> PREFERENCE = List.of("podman", "docker");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    private final Exec exec;

    RuntimeDetector(Exec exec) {
        this.exec = exec;
    }

    RuntimeInfo detect() {
        List<RuntimeInfo.Candidate> candidates = new ArrayList<>();
        for (String name : PREFERENCE) {
            candidates.add(probe(name));
        }
        RuntimeInfo.Candidate chosen = candidates.stream().filter(RuntimeInfo.Candidate::working).findFirst()
                .orElse(candidates.stream().filter(RuntimeInfo.Candidate::found).findFirst().orElse(null));
        if (chosen == null) {
            throw new BosunException("No container runtime found. Install podman (recommended) or docker.");
        }
        boolean rootless = false;
        List<String> oci = List.of();
        if (chosen.working()) {
            if (chosen.name().equals("podman")) {
                rootless = "true".equals(query("podman", "info", "--format", "{{.Host.Security.Rootless}}"));
            } else {
                String security = query("docker", "info", "--format", "{{json .SecurityOptions}}");
                rootless = security != null && security.contains("name=rootless");
                String runtimes = query("docker", "info", "--format", "{{json .Runtimes}}");
                oci = runtimes == null ? List.of() : DockerRuntimes.parse(runtimes);
            }
        }
        return new RuntimeInfo(chosen.name(), chosen.version(), chosen.working(), rootless, oci,
                oci.contains("runsc"), chosen.problem(), List.copyOf(candidates));
    }

    private RuntimeInfo.Candidate probe(String name) {
        if (!exec.available(name)) {
            return new RuntimeInfo.Candidate(name, false, null, false, name + " is not on the PATH");
        }
        // The server version answers only when the engine works (Docker's daemon, Podman's service or
        // local storage); the client version is still worth reporting when it does not.
        String serverFormat = name.equals("podman") ? "{{.Client.Version}}" : "{{.Server.Version}}";
        ExecResult r = exec.run(Command.of(name, "version", "--format", serverFormat).readOnly().unchecked().withTimeout(PROBE_TIMEOUT));
        if (r.ok() && !r.stdout().isBlank()) {
            return new RuntimeInfo.Candidate(name, true, r.stdout().strip(), true, null);
        }
        // docker prints the client version and then fails on the missing daemon: keep what it printed.
        ExecResult c = exec.run(Command.of(name, "version", "--format", "{{.Client.Version}}").readOnly().unchecked()
                .withTimeout(PROBE_TIMEOUT));
        String client = c.stdout().isBlank() ? null : c.stdout().strip();
        String err = r.stderr().strip();
        return new RuntimeInfo.Candidate(name, true, client, false,
                err.isEmpty() ? name + " version exited " + r.exitCode() : err.lines().findFirst().orElse(err));
    }

    /** Output of a read-only query, or null when it fails (the caller reports what it can). */
    private String query(String... argv) {
        ExecResult r = exec.run(Command.of(argv).readOnly().unchecked().withTimeout(PROBE_TIMEOUT));
        return r.ok() ? r.stdout().strip() : null;
    }
}
