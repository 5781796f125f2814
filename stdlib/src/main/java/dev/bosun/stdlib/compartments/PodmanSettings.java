package dev.bosun.stdlib.compartments;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;

import java.util.Set;

/**
 * What goes into the compartment user's {@code ~/.config/containers/storage.conf} and {@code containers.conf}.
 * The storage lives in the home (graphroot), never on the tmpfs Podman falls back to without a configured
 * home; the rootless network command defaults to pasta.
 */
@Doc("Podman storage and runtime settings of a compartment")
public record PodmanSettings(
        @Optional @Doc("storage driver: overlay (default) or vfs") String driver,
        @Optional @Doc("absolute path of a FUSE overlay helper (mount_program), e.g. /usr/bin/fuse-overlayfs; default none: native rootless overlay") String mountProgram,
        @Optional @Doc("OCI runtime: crun or runc; default Podman's own choice") String runtime,
        @Optional @Doc("rootless network command: pasta (default) or slirp4netns") String networkCmd) {

    public PodmanSettings {
        driver = oneOf("driver", driver == null ? "overlay" : driver, Set.of("overlay", "vfs"));
        if (mountProgram != null) {
            Check.absolutePath("mountProgram", mountProgram);
            if (!driver.equals("overlay")) {
                throw new InvalidValueException("mountProgram", "applies to the overlay driver only");
            }
        }
        if (runtime != null) {
            oneOf("runtime", runtime, Set.of("crun", "runc"));
        }
        networkCmd = oneOf("networkCmd", networkCmd == null ? "pasta" : networkCmd, Set.of("pasta", "slirp4netns"));
    }

    private static String oneOf(String param, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidValueException(param, Check.quote(value) + " must be one of " + new java.util.TreeSet<>(allowed));
        }
        return value;
    }
}
