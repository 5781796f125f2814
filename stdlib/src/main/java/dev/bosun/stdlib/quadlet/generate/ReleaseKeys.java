package dev.bosun.stdlib.quadlet.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.UnitType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The keys each Podman release line's generator accepts, per unit type and for {@code [Quadlet]}: the bundled
 * {@code quadlet-releases.json}, extracted from Podman's source at every release tag 4.4 to 5.8 and at 6.0-dev
 * (see {@code extract-quadlet-releases.py}; every patch release of a line accepts the same keys). A version
 * between lines uses the newest line not newer than it; newer than 6.0 uses 6.0.
 */
final class ReleaseKeys {
    private static final TreeMap<PodmanVersion, Map<String, Set<String>>> LINES = load();

    private ReleaseKeys() {
    }

    /** The table of the release line of {@code v}; null below 4.4. */
    static Map<String, Set<String>> of(PodmanVersion v) {
        var e = LINES.floorEntry(v);
        return e == null ? null : e.getValue();
    }

    static boolean accepts(PodmanVersion v, String unit, String key) {
        Map<String, Set<String>> t = of(v);
        return t != null && t.getOrDefault(unit, Set.of()).contains(key);
    }

    /** The first release line that accepts the key in the type's section, or null if none does. */
    static PodmanVersion since(UnitType type, String key) {
        for (var e : LINES.entrySet()) {
            if (e.getValue().getOrDefault(type.toString(), Set.of()).contains(key)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static TreeMap<PodmanVersion, Map<String, Set<String>>> load() {
        try (InputStream in = ReleaseKeys.class.getResourceAsStream("/dev/bosun/stdlib/quadlet/quadlet-releases.json")) {
            if (in == null) {
                throw new IllegalStateException("quadlet-releases.json is missing from the Bosun jar");
            }
            TreeMap<PodmanVersion, Map<String, Set<String>>> lines = new TreeMap<>();
            new ObjectMapper().readTree(in).get("releases").properties().forEach(line -> {
                Map<String, Set<String>> units = new TreeMap<>();
                line.getValue().get("units").properties().forEach(u -> {
                    Set<String> keys = new HashSet<>();
                    u.getValue().forEach(k -> keys.add(k.asText()));
                    units.put(u.getKey(), Set.copyOf(keys));
                });
                lines.put(PodmanVersion.parse("release", line.getKey()), Map.copyOf(units));
            });
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read quadlet-releases.json", e);
        }
    }
}
