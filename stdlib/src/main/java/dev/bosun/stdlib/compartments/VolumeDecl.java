package dev.bosun.stdlib.compartments;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.spec.VolumeSpec;

/**
 * A volume: by default a host directory {@code /var/lib/bosun-volumes/<id>/<name>} (mode 0770, group qm-<id>,
 * owned by the compartment user or by the helper user of container uid {@code ownerUid}); with {@code quadlet}
 * a Podman volume from a Quadlet {@code .volume} unit.
 */
@Doc("A volume of a compartment: a host directory (default) or a Quadlet .volume")
public record VolumeDecl(
        @Doc("volume name, [a-z0-9][a-z0-9_.-]* (at most 64 characters)") String name,
        @Optional @Doc("container uid that owns the host directory (0..65535); 0, the default, is the compartment user, N the helper qmh-<id>-<N>") Long ownerUid,
        @Optional @Doc("the keys of a Quadlet .volume (its name must be this volume's name); left out: a host directory") VolumeSpec quadlet) {

    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    public VolumeDecl {
        Check.present("name", name);
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new InvalidValueException("name", Check.quote(name) + " must match " + NAME.pattern() + " without '..'");
        }
        ownerUid = ownerUid == null ? 0L : ownerUid;
        Check.range("ownerUid", ownerUid, 0, 65535);
        if (quadlet != null && !quadlet.name().equals(name)) {
            throw new InvalidValueException("quadlet", "name " + Check.quote(quadlet.name()) + " must be the volume's name "
                    + Check.quote(name));
        }
    }
}
