package dev.bosun.plugins.sandbox;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

import java.util.List;

/**
 * The container runtime sandboxes would use on this host.
 *
 * @param runtime     "podman" or "docker": Podman when it works (rootless, no daemon), else Docker
 * @param version     its version (client version when the daemon does not answer)
 * @param working     true when the health probe ({@code RUNTIME version}) succeeded
 * @param rootless    true when containers run without root privileges on the host
 * @param ociRuntimes OCI runtimes registered with Docker (empty for Podman)
 * @param gvisor      true when gVisor's runsc is registered with Docker ({@code --runtime=runsc} works)
 * @param problem     why the runtime is not working, or null
 * @param candidates  every runtime looked at, in order of preference
 */
@Doc("The container runtime chosen for sandboxes and what it can do.")
public record RuntimeInfo(
        @Doc("podman or docker") String runtime,
        @Doc("version of the chosen runtime") String version,
        @Doc("true when its health probe succeeded") boolean working,
        @Doc("true when containers run without root on the host") boolean rootless,
        @Doc("OCI runtimes registered with Docker") List<String> ociRuntimes,
        @Doc("true when gVisor runsc is registered with Docker") boolean gvisor,
        @Doc("why the runtime is not working, or null") @Nullable String problem,
        @Doc("every runtime looked at, in order of preference") List<Candidate> candidates) {

    /**
     * One runtime looked at.
     *
     * @param name    podman or docker
     * @param found   on the PATH
     * @param version its version, or null
     * @param working health probe succeeded
     * @param problem the probe's error, or null
     */
    public record Candidate(@Doc("podman or docker") String name,
                            @Doc("found on the PATH") boolean found,
                            @Doc("version, or null") @Nullable String version,
                            @Doc("health probe succeeded") boolean working,
                            @Doc("the probe's error, or null") @Nullable String problem) {
    }
}
