package dev.bosun.stdlib.compartments;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.bundle.BundleSection;
import dev.bosun.stdlib.quadlet.bundle.QuadletBundle;
import dev.bosun.stdlib.quadlet.spec.BuildSpec;
import dev.bosun.stdlib.quadlet.spec.ContainerSpec;
import dev.bosun.stdlib.quadlet.spec.ImageSpec;
import dev.bosun.stdlib.quadlet.spec.NetworkSpec;
import dev.bosun.stdlib.quadlet.spec.PodSpec;
import dev.bosun.stdlib.quadlet.spec.SpecCodec;
import dev.bosun.stdlib.quadlet.spec.UnitSpec;
import dev.bosun.stdlib.quadlet.spec.VolumeSpec;
import dev.bosun.stdlib.quadlet.unit.UnitFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compartment spec from a {@code .quadlets} bundle: every key of every unit is kept (through the typed specs'
 * reader), and what compartments.apply adds to a container is read back into the compartment's own terms: a
 * {@code Volume=} of {@code /var/lib/bosun-volumes/<id>/<vol>} or of a bundled {@code <vol>.volume} becomes a
 * volume mount, {@code UIDMap=}/{@code GIDMap=} lines in subids.idMap's form become mapUids/mapGids, and
 * {@code [Install] WantedBy=default.target} becomes autostart. What a bundle cannot hold (secrets, logins, Podman
 * settings, a volume's ownerUid, the sub-ID count) comes from the spec JSON, which export also gives.
 */
final class BundleImport {
    private static final Pattern HOST_VOLUME = Pattern.compile(Pattern.quote(Volumes.BASE) + "/(" + CompartmentNames.ID.pattern()
            + ")/([a-z0-9][a-z0-9_.-]*):(/[^:]*)(?::(.+))?");
    private static final Pattern UNIT_VOLUME = Pattern.compile("([a-z0-9][a-z0-9_.-]*)\\.volume:(/[^:]*)(?::(.+))?");
    private static final Pattern MAP_ENTRY = Pattern.compile("([0-9]+):([0-9]+):([0-9]+)");

    private BundleImport() {
    }

    static CompartmentSpec read(String text, String givenId) {
        List<NetworkSpec> networks = new ArrayList<>();
        List<PodSpec> pods = new ArrayList<>();
        List<ImageSpec> images = new ArrayList<>();
        List<BuildSpec> builds = new ArrayList<>();
        Map<String, VolumeDecl> volumes = new LinkedHashMap<>();
        List<ContainerSpec> containers = new ArrayList<>();
        for (BundleSection s : QuadletBundle.parse(text, "<bundle>")) {
            UnitSpec u = plain(s);
            switch (u) {
                case NetworkSpec n -> networks.add(n);
                case PodSpec p -> pods.add(p);
                case ImageSpec i -> images.add(i);
                case BuildSpec b -> builds.add(b);
                case VolumeSpec v -> volumes.put(v.name(), new VolumeDecl(v.name(), null, v));
                case ContainerSpec c -> containers.add(c);
                default -> throw new InvalidValueException("bundle", s.fileName() + s.type().extension()
                        + ": a compartment holds no " + s.type() + " units");
            }
        }
        String id = givenId;
        List<ContainerDecl> decls = new ArrayList<>();
        for (ContainerSpec c : containers) {
            Map<String, Object> replaced = new HashMap<>();
            List<VolumeMount> mounts = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String v : c.volume() == null ? List.<String>of() : c.volume()) {
                Matcher host = HOST_VOLUME.matcher(v);
                Matcher unit = UNIT_VOLUME.matcher(v);
                if (host.matches() && (id == null || id.equals(host.group(1)))) {
                    id = host.group(1);
                    volumes.putIfAbsent(host.group(3), new VolumeDecl(host.group(3), null, null));
                    mounts.add(new VolumeMount(host.group(3), host.group(4), host.group(5)));
                } else if (unit.matches() && volumes.containsKey(unit.group(1)) && volumes.get(unit.group(1)).quadlet() != null) {
                    mounts.add(new VolumeMount(unit.group(1), unit.group(2), unit.group(3)));
                } else {
                    rest.add(v);
                }
            }
            if (!mounts.isEmpty()) {
                replaced.put("volume", rest.isEmpty() ? null : rest);
            }
            List<Long> uids = helperIds(c.uidMap());
            List<Long> gids = helperIds(c.gidMap());
            if (uids != null && gids != null) {
                replaced.put("uidMap", null);
                replaced.put("gidMap", null);
            } else {
                uids = null;
                gids = null;
            }
            boolean autostart = c.install() != null && CompartmentUnits.AUTOSTART_TARGET.equals(c.install().get("WantedBy"));
            if (autostart) {
                Map<String, String> install = new LinkedHashMap<>(c.install());
                install.remove("WantedBy");
                replaced.put("install", install.isEmpty() ? null : install);
            }
            ContainerSpec base = replaced.isEmpty() ? c : UnitSpecs.with(c, replaced);
            decls.add(new ContainerDecl(base, mounts.isEmpty() ? null : mounts, uids == null || uids.isEmpty() ? null : uids,
                    gids == null || gids.equals(uids) ? null : gids, autostart ? null : false));
        }
        if (id == null) {
            throw new InvalidValueException("options", "the bundle names no compartment volume; give the id: {id: 'web'}");
        }
        return new CompartmentSpec(id, null, null, nullIfEmpty(new ArrayList<>(volumes.values())), nullIfEmpty(networks),
                nullIfEmpty(pods), nullIfEmpty(decls), nullIfEmpty(images), nullIfEmpty(builds), null, null, null, null, null);
    }

    /**
     * The typed spec of a section, with {@code specifiers} left out when no value holds a {@code %} (then the two
     * readings agree), so a spec that did not use specifiers comes back equal.
     */
    private static UnitSpec plain(BundleSection s) {
        UnitSpec u;
        try {
            u = SpecCodec.fromUnitFile(UnitFile.parse(s.text()), s.type(), s.fileName());
        } catch (SpecCodec.NotRepresentableException | InvalidValueException e) {
            throw new InvalidValueException("bundle", s.fileName() + s.type().extension() + ": " + Check.oneLine(e.getMessage(), 300));
        }
        if (s.type() == UnitType.KUBE || s.type() == UnitType.ARTIFACT || s.text().indexOf('%') >= 0) {
            return u;
        }
        Map<String, Object> plain = new HashMap<>();
        plain.put("specifiers", null);
        return UnitSpecs.with(u, plain);
    }

    /**
     * The container IDs of an ID map in subids.idMap's form (0:0:1, each helper ID N as N:N+1:1, the gaps shifted by
     * one, 0..65535 covered without holes), or null when the lines are not of that form (then they stay as keys).
     * Every single-ID entry is read as a helper: a one-ID gap between two helpers (33 and 35 leave 34:35:1) maps
     * exactly like a helper would, so the map alone cannot tell them apart; the spec JSON can.
     */
    static List<Long> helperIds(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        TreeSet<Long> ids = new TreeSet<>();
        long next = 0;
        boolean zero = false;
        for (String line : lines) {
            Matcher m = MAP_ENTRY.matcher(line);
            if (!m.matches()) {
                return null;
            }
            long c = Long.parseLong(m.group(1));
            long ns = Long.parseLong(m.group(2));
            long count = Long.parseLong(m.group(3));
            if (c != next) {
                return null;
            }
            if (c == 0 && ns == 0 && count == 1) {
                zero = true;
            } else if (ns != c + 1) {
                return null;
            } else if (count == 1) {
                ids.add(c);
            }
            next = c + count;
        }
        return zero && next == 65536 ? List.copyOf(ids) : null;
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
