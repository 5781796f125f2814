package dev.bosun.stdlib.quadlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys the generator accepts per unit type, read once from the bundled copy of
 * {@code shared/reference/quadlet-keys.json} (extracted from Podman's {@code groupsInfo}).
 */
public final class QuadletKeys {
    /** The {@code [Quadlet]} section, allowed in every unit type. */
    public static final String QUADLET_SECTION = "Quadlet";

    private static final QuadletKeys INSTANCE = load();

    private final Map<UnitType, Map<String, KeyInfo>> byType;
    private final Map<String, KeyInfo> quadlet;

    private QuadletKeys(Map<UnitType, Map<String, KeyInfo>> byType, Map<String, KeyInfo> quadlet) {
        this.byType = byType;
        this.quadlet = quadlet;
    }

    public static QuadletKeys get() {
        return INSTANCE;
    }

    /** Keys of the type's own section, in the table's order. */
    public Map<String, KeyInfo> keys(UnitType type) {
        return byType.get(type);
    }

    /** Keys of {@code [Quadlet]}. */
    public Map<String, KeyInfo> quadletKeys() {
        return quadlet;
    }

    private static QuadletKeys load() {
        try (InputStream in = QuadletKeys.class.getResourceAsStream("quadlet-keys.json")) {
            if (in == null) {
                throw new IllegalStateException("quadlet-keys.json is missing from the Bosun jar");
            }
            JsonNode units = new ObjectMapper().readTree(in).get("units");
            Map<UnitType, Map<String, KeyInfo>> byType = new EnumMap<>(UnitType.class);
            for (UnitType t : UnitType.values()) {
                byType.put(t, keysOf(units.get(t.toString())));
            }
            return new QuadletKeys(byType, keysOf(units.get("quadlet")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read quadlet-keys.json", e);
        }
    }

    private static Map<String, KeyInfo> keysOf(JsonNode unit) {
        Map<String, KeyInfo> keys = new LinkedHashMap<>();
        java.util.Set<String> deprecated = new java.util.HashSet<>();
        unit.get("deprecatedKeys").forEach(n -> deprecated.add(n.asText()));
        unit.get("keyDetails").properties().forEach(e -> {
            JsonNode d = e.getValue();
            keys.put(e.getKey(), new KeyInfo(e.getKey(), ValueKind.ofLabel(d.get("kind").asText()),
                    deprecated.contains(e.getKey()), d.get("inPodman5_4_2").asBoolean(),
                    d.get("inPodman5_8_2").asBoolean(), d.path("maps").asText("")));
        });
        return Collections.unmodifiableMap(keys);
    }
}
