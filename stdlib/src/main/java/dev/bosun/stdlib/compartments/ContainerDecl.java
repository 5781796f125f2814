package dev.bosun.stdlib.compartments;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.spec.ContainerSpec;

import java.util.List;
import java.util.TreeSet;

/**
 * A container of a compartment: its Quadlet keys as {@code quadlet.container} takes them, plus what the
 * compartment adds to the unit (volume mounts, ID maps with helper users, autostart).
 */
@Doc("A container: its .container keys plus volume mounts, container IDs with host owners, and autostart")
public record ContainerDecl(
        @Doc("the keys of [Container] in camelCase, as quadlet.container takes them (name and image at least)") ContainerSpec unit,
        @Optional @Doc("compartment volumes to mount") List<VolumeMount> volumes,
        @Optional @Doc("container uids (1..65535) that get a helper user qmh-<id>-<N> owning them on the host; the unit gets UIDMap= lines (subids.idMap)") List<Long> mapUids,
        @Optional @Doc("container gids (1..65535) that get a helper group qmh-<id>-<N>; default: mapUids") List<Long> mapGids,
        @Optional @Doc("start with the user's manager ([Install] WantedBy=default.target) and at apply; default true") Boolean autostart) {

    public ContainerDecl {
        Check.present("unit", unit);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        mapUids = ids("mapUids", mapUids);
        mapGids = mapGids == null ? mapUids : ids("mapGids", mapGids);
        autostart = autostart == null || autostart;
        if (!mapUids.isEmpty() && (unit.uidMap() != null || unit.gidMap() != null || unit.userNs() != null)) {
            throw new InvalidValueException("unit", unit.name() + ": mapUids writes UIDMap=/GIDMap=; leave uidMap, gidMap and userNs out");
        }
    }

    private static List<Long> ids(String param, List<Long> ids) {
        if (ids == null) {
            return List.of();
        }
        TreeSet<Long> out = new TreeSet<>();
        for (Long n : ids) {
            Check.present(param, n);
            Check.range(param, n, 1, 65535);
            out.add(n);
        }
        return List.copyOf(out);
    }
}
