package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.UnitType;

import java.util.ArrayList;
import java.util.List;

/**
 * What every unit type's service starts from ({@code initServiceUnitFile}): the unit's keys are checked,
 * the unit is copied, {@code [Unit]} dependencies on other Quadlet units are translated to their services,
 * the network dependency, {@code SourcePath=} and {@code RequiresMountsFor=%t/containers} are added, and
 * the Quadlet sections are renamed to {@code X-…} so that systemd ignores them.
 */
final class ServiceSkeleton {
    /** The {@code [Unit]} keys whose values name other units. */
    static final List<String> DEPENDENCY_KEYS = List.of("After", "Before", "BindsTo", "Conflicts", "OnFailure",
            "OnSuccess", "PartOf", "PropagatesReloadTo", "PropagatesStopTo", "ReloadPropagatedFrom", "Requires",
            "Requisite", "StopPropagatedFrom", "Upholds", "Wants");

    private ServiceSkeleton() {
    }

    static void start(Conversion c) {
        c.info = c.index.get(c.unit.fileName());
        if (c.release.unifiedSkeleton()) {
            checkKeys(c);
        }
        UnitDocument service = c.unit.dup();
        service.fileName(c.info.serviceFileName());
        c.service = service;
        if (c.release.translatesUnitDependencies()) {
            translateDependencies(c);
        }
        boolean wanted = !c.release.hasDefaultDependencies() || service.lookupBoolean("Quadlet", "DefaultDependencies", true);
        if (c.release.addsNetworkDependency(c.type) && wanted) {
            // network-online.target does not exist in a user's manager; Podman 5.3 ships a service to wait for it.
            String network = c.options.user() && c.release.hasDefaultDependencies()
                    ? "podman-user-wait-network-online.service" : "network-online.target";
            service.prependLine("Unit", "After", network);
            service.prependLine("Unit", "Wants", network);
        }
        if (c.release.unifiedSkeleton()) {
            sourcePath(c);
            c.requireContainersMount();
            rename(c);
            return;
        }
        // Before 5.6 each type set its service up in an order of its own; the order shows in the generated text.
        if (c.type != UnitType.BUILD) {
            sourcePath(c);
        }
        checkKeys(c);
        rename(c);
        switch (c.type) {
            case CONTAINER, KUBE -> {
                // added by the converter, after the lines it writes first
            }
            case BUILD -> {
                c.requireContainersMount();
                sourcePath(c);
            }
            default -> c.requireContainersMount();
        }
    }

    private static void sourcePath(Conversion c) {
        if (!c.unit.path().isEmpty()) {
            c.service.add("Unit", "SourcePath", c.unit.path());
        }
    }

    private static void rename(Conversion c) {
        c.service.renameGroup(c.group, "X-" + c.group);
        if (c.release.hasQuadletSection()) {
            c.service.renameGroup("Quadlet", "X-Quadlet");
        }
    }

    private static void checkKeys(Conversion c) {
        checkKeys(c, c.group);
        if (c.release.hasQuadletSection()) {
            checkKeys(c, "Quadlet");
        }
    }

    /** {@code checkForUnknownKeys}: every key of the section must be one this release of the generator knows. */
    private static void checkKeys(Conversion c, String section) {
        boolean quadlet = section.equals("Quadlet");
        for (String key : c.unit.listKeys(section)) {
            boolean known = quadlet ? c.release.supportsQuadletKey(key) : c.release.supports(c.type, key);
            if (!known) {
                String where = c.unit.path().isEmpty() ? "" : " in " + c.unit.path();
                c.fail(section, key, "unsupported key '" + key + "' in group '" + section + "'" + where);
            }
        }
    }

    /** {@code translateUnitDependencies}: {@code Requires=db.volume} becomes {@code Requires=db-volume.service}. */
    private static void translateDependencies(Conversion c) {
        for (String key : DEPENDENCY_KEYS) {
            List<String> deps = c.service.lookupAllStrv("Unit", key);
            if (deps.isEmpty()) {
                continue;
            }
            List<String> translated = new ArrayList<>();
            boolean changed = false;
            for (String dep : deps) {
                if (c.release.isQuadletExtension(GoPaths.ext(dep))) {
                    UnitInfo info = c.index.get(dep);
                    if (info == null) {
                        c.fail("Unit", key, "unable to translate dependency for " + dep);
                        translated.add(dep);
                        continue;
                    }
                    translated.add(info.serviceFileName());
                    changed = true;
                } else {
                    translated.add(dep);
                }
            }
            if (changed) {
                c.service.unset("Unit", key);
                c.service.add("Unit", key, String.join(" ", translated));
            }
        }
    }
}
