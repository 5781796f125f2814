package dev.bosun.stdlib.quadlet;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;

import java.util.List;

/** Option records of the quadlet operations. */
public final class QuadletOptions {
    private QuadletOptions() {
    }

    @Doc("Options of quadlet.parse.")
    public record Parse(@Optional @Doc("file name, e.g. web.container; its extension gives the type") String name) {
    }

    @Doc("Options of quadlet.validate.")
    public record Validate(@Optional @Doc("Podman version to check against, e.g. 5.4; default: the installed podman, else 6.0") String podman,
                           @Optional @Doc("file names of the units installed next to it; when given, references to other units are checked") List<String> units) {
    }

    @Doc("Options of quadlet.generate and quadlet.generateDir.")
    public record Generate(@Optional @Doc("Podman release to generate for, e.g. 5.4 (4.4 to 6.0); default: the installed podman, else 6.0") String podman,
                           @Optional @Doc("rootless, as Podman's -user generator (default false)") Boolean user,
                           @Optional @Doc("absolute directory the units are read from, for SourcePath= and relative paths (generate only); "
                                   + "default /etc/containers/systemd, rootless /etc/containers/systemd/users") String dir,
                           @Optional @Doc("podman path written as word 0 of every command, as PODMAN= (default /usr/bin/podman)") String podmanPath) {
        public Generate {
            user = user != null && user;
            if (dir != null) {
                absolutePath("dir", dir);
            }
            if (podmanPath != null) {
                absolutePath("podmanPath", podmanPath);
            }
        }
    }

    static void absolutePath(String param, String path) {
        Check.singleLine(param, path);
        if (!path.startsWith("/") || path.indexOf('\0') >= 0) {
            throw new InvalidValueException(param, Check.quote(path) + " must be an absolute path");
        }
    }

    @Doc("Options of quadlet.install.")
    public record Install(@Optional @Doc("file name to install as (default: the unit's name and type)") String name,
                          @Optional @Doc("overwrite an existing file with different content (default false)") Boolean replace,
                          @Optional @Doc("Podman version to validate for (default: installed podman, else 6.0)") String podman) {
        public Install {
            replace = replace != null && replace;
        }
    }

    @Doc("Options of quadlet.bundle.install.")
    public record BundleInstall(@Optional @Doc("overwrite existing files with different content (default false)") Boolean replace,
                                @Optional @Doc("Podman version to validate for (default: installed podman, else 6.0)") String podman) {
        public BundleInstall {
            replace = replace != null && replace;
        }
    }
}
