package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.UnitType;

/**
 * The names the generator derives from a unit's file name and keys: its service, its container, volume,
 * network or pod, and the image a build tags. Templates ({@code web@.container}) and instances
 * ({@code web@blue.container}) get systemd specifiers ({@code %i}, {@code %p}) in place of the instance.
 */
final class Names {
    private Names() {
    }

    /** The name without its last extension ({@code web.container} → {@code web}); a leading dot is kept. */
    static String removeExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The service name without {@code .service}: ServiceName= if set, else the base name plus the type's suffix. */
    static String serviceName(UnitDocument unit, UnitType type, GeneratorRelease release) {
        var named = unit.lookup(type.section(), "ServiceName");
        if (named.isPresent()) {
            return named.get();
        }
        String suffix = type.serviceName("").substring(0, type.serviceName("").length() - ".service".length());
        String base = removeExtension(unit.fileName());
        if (release.namesTemplatesBySpecifier() && base.endsWith("@")) {
            base = base.substring(0, base.length() - 1);
            suffix += "@";
        }
        return base + suffix;
    }

    static boolean isTemplate(String fileName) {
        return removeExtension(fileName).endsWith("@");
    }

    /** The container's name as written (may hold specifiers): ContainerName=, else {@code systemd-%N} or {@code systemd-%p_%i}. */
    static String containerName(UnitDocument unit) {
        String name = unit.value("Container", "ContainerName");
        if (!name.isEmpty()) {
            return name;
        }
        return unit.fileName().contains("@") ? "systemd-%p_%i" : "systemd-%N";
    }

    /**
     * The container's name for other units that join its network: only {@code %N} is resolved; a name with
     * any other specifier cannot be known ahead of time and gives "".
     */
    static String containerResourceName(UnitDocument unit, GeneratorRelease release) {
        String name = containerName(unit).replace("%N", serviceName(unit, UnitType.CONTAINER, release));
        return name.contains("%") ? "" : name;
    }

    /**
     * A volume's or network's name as written: the key if set, else {@code systemd-<base>}; for a template
     * or instance the part after the last character before the extension is replaced by {@code -%i}
     * ({@code systemd-data@.volume} → {@code systemd-data-%i}; for an instance this also cuts its last
     * character, as Podman does; before 5.7 the file name was used as it is).
     */
    static String resourceName(UnitDocument unit, String group, String key, GeneratorRelease release) {
        String name = unit.value(group, key);
        if (!name.isEmpty()) {
            return name;
        }
        name = "systemd-" + removeExtension(unit.fileName());
        if (release.namesTemplatesBySpecifier() && unit.fileName().contains("@")) {
            name = name.substring(0, name.length() - 1) + "-%i";
        }
        return name;
    }

    /** A pod's name: PodName=, else {@code systemd-<base>}. */
    static String podName(UnitDocument unit) {
        String name = unit.value("Pod", "PodName");
        return name.isEmpty() ? "systemd-" + removeExtension(unit.fileName()) : name;
    }

    /** The image a build produces, as other units see it: its first ImageTag=, or "". */
    static String builtImageName(UnitDocument unit) {
        var tags = unit.lookupAll("Build", "ImageTag");
        return tags.isEmpty() ? "" : tags.getFirst();
    }
}
