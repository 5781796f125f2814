package dev.bosun.stdlib.compartments;

import dev.bosun.api.HostContext;
import dev.bosun.stdlib.quadlet.QuadletUnit;
import dev.bosun.stdlib.quadlet.spec.ContainerSpec;
import dev.bosun.stdlib.quadlet.spec.SpecCodec;
import dev.bosun.stdlib.quadlet.spec.UnitSpec;
import dev.bosun.stdlib.subids.IdMap;
import dev.bosun.stdlib.subids.IdMapRequest;
import dev.bosun.stdlib.subids.SubIdsModule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Quadlet units of a compartment, in the order their references need (networks, volumes, pods, images and
 * builds before the containers that name them). A container's unit is the spec's keys plus what the compartment
 * adds: a {@code Volume=} line per mount, the {@code UIDMap=}/{@code GIDMap=} lines of {@code subids.idMap} when it
 * maps container IDs to helper users, and {@code [Install] WantedBy=default.target} when it starts automatically
 * (Quadlet units cannot be enabled; their [Install] section is what the generator turns into the wants link).
 */
final class CompartmentUnits {
    static final String AUTOSTART_TARGET = "default.target";

    private CompartmentUnits() {
    }

    static List<QuadletUnit> of(HostContext ctx, CompartmentSpec spec) {
        List<QuadletUnit> out = new ArrayList<>();
        spec.networks().forEach(n -> out.add(unit(n)));
        spec.volumes().stream().filter(v -> v.quadlet() != null).forEach(v -> out.add(unit(v.quadlet())));
        spec.pods().forEach(p -> out.add(unit(p)));
        spec.images().forEach(i -> out.add(unit(i)));
        spec.builds().forEach(b -> out.add(unit(b)));
        for (ContainerDecl c : spec.containers()) {
            out.add(unit(container(ctx, spec, c)));
        }
        return out;
    }

    static QuadletUnit unit(UnitSpec s) {
        return QuadletUnit.of(s.unitType(), s.name(), SpecCodec.toUnitFile(s));
    }

    /** The container's spec with the compartment's additions. */
    static ContainerSpec container(HostContext ctx, CompartmentSpec spec, ContainerDecl c) {
        ContainerSpec u = c.unit();
        Map<String, Object> add = new LinkedHashMap<>();
        if (!c.volumes().isEmpty()) {
            List<String> volumes = new ArrayList<>(u.volume() == null ? List.of() : u.volume());
            for (VolumeMount m : c.volumes()) {
                volumes.add(volumeLine(spec, m));
            }
            add.put("volume", volumes);
        }
        if (!c.mapUids().isEmpty()) {
            IdMap map = new SubIdsModule().idMap(ctx, new IdMapRequest(CompartmentNames.user(spec.id()),
                    c.mapUids().stream().map(String::valueOf).toList(), c.mapGids().stream().map(String::valueOf).toList()));
            add.put("uidMap", map.uidMap());
            add.put("gidMap", map.gidMap());
        }
        if (c.autostart() && (u.install() == null || !u.install().containsKey("WantedBy"))) {
            Map<String, String> install = new LinkedHashMap<>(u.install() == null ? Map.of() : u.install());
            install.put("WantedBy", AUTOSTART_TARGET);
            add.put("install", install);
        }
        return add.isEmpty() ? u : UnitSpecs.with(u, add);
    }

    /** {@code SOURCE:PATH[:OPTIONS]}: a host directory's path, or {@code NAME.volume} for a Quadlet volume. */
    static String volumeLine(CompartmentSpec spec, VolumeMount m) {
        VolumeDecl v = spec.volumes().stream().filter(d -> d.name().equals(m.volume())).findFirst().orElseThrow();
        String source = v.quadlet() != null ? v.name() + ".volume" : Volumes.dir(spec.id(), v.name());
        return source + ":" + m.path() + (m.options() == null ? "" : ":" + m.options());
    }

    /** The service the generator makes of a container unit (ServiceName= or the unit's name). */
    static String serviceOf(ContainerSpec u) {
        return (u.serviceName() != null ? u.serviceName() : u.name()) + ".service";
    }
}
