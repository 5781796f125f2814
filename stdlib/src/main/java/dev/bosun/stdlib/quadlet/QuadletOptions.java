package dev.bosun.stdlib.quadlet;

import dev.bosun.api.Doc;
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
