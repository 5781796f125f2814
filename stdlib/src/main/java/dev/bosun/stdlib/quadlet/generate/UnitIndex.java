package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.UnitType;

import java.util.HashMap;
import java.util.Map;

/**
 * The Quadlet units a conversion can refer to, by file name (Podman's {@code unitsInfoMap}). A closed index
 * knows exactly the units being generated together, so a reference to any other unit is an error, as in
 * Podman. An open index stands for "the neighbours are not known": any reference resolves, to the names
 * the unit would get by default, so validation without the neighbouring units reports no reference errors.
 */
final class UnitIndex {
    private final Map<String, UnitInfo> units = new HashMap<>();
    private final boolean open;

    private UnitIndex(boolean open) {
        this.open = open;
    }

    static UnitIndex closed() {
        return new UnitIndex(false);
    }

    static UnitIndex open() {
        return new UnitIndex(true);
    }

    void put(String fileName, UnitInfo info) {
        units.put(fileName, info);
    }

    boolean isOpen() {
        return open;
    }

    /** The unit of that file name, or null when it is not among the units (never null for an open index). */
    UnitInfo get(String fileName) {
        UnitInfo info = units.get(fileName);
        if (info == null && open) {
            UnitType t = UnitType.ofFileName(fileName);
            String base = Names.removeExtension(fileName);
            String suffix = t == null ? "" : t.serviceName("").replace(".service", "");
            info = new UnitInfo(base + suffix, "systemd-" + base);
            units.put(fileName, info);
        }
        return info;
    }
}
