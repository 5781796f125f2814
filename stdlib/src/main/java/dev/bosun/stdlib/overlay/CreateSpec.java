package dev.bosun.stdlib.overlay;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What {@code overlay.create} builds. */
@Doc("The layers and directories of a new overlay")
public record CreateSpec(
        @Doc("read-only lower directories, top-most first; '/' is allowed (a clone of the host's root)")
        List<String> lower,
        @Optional @Doc("directories of the merged tree whose lower content is hidden, e.g. ['/var/log']")
        List<String> opaque,
        @Optional @Doc("where overlays/<name>/{upper,work,merged} are made; default /var/lib/bosun (under --root)")
        String datadir) {

    public static final String DEFAULT_DATADIR = "/var/lib/bosun";

    public CreateSpec {
        if (lower == null || lower.isEmpty()) {
            throw new InvalidValueException("lower", "is required: give one or more directories, e.g. [\"/usr\"]");
        }
        Set<String> seen = new HashSet<>();
        for (String l : lower) {
            Check.absolutePath("lower", l);
            MountOptions.checkLayerPath("lower", l);
            if (!seen.add(l)) {
                throw new InvalidValueException("lower", "contains " + Check.quote(l) + " twice");
            }
        }
        lower = List.copyOf(lower);
        opaque = OpaqueDirs.normalise(opaque);
        datadir = datadir == null ? DEFAULT_DATADIR : datadir;
        Check.absolutePath("datadir", datadir);
        MountOptions.checkLayerPath("datadir", datadir);
    }
}
