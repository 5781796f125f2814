package dev.bosun.stdlib.quadlet;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.util.Locale;

/** The Quadlet unit types, each with its own section, file extension and generated service name. */
public enum UnitType {
    CONTAINER("container", "Container", ""),
    VOLUME("volume", "Volume", "-volume"),
    NETWORK("network", "Network", "-network"),
    KUBE("kube", "Kube", ""),
    IMAGE("image", "Image", "-image"),
    BUILD("build", "Build", "-build"),
    POD("pod", "Pod", "-pod"),
    ARTIFACT("artifact", "Artifact", "-artifact");

    private final String label;
    private final String section;
    private final String serviceSuffix;

    UnitType(String label, String section, String serviceSuffix) {
        this.label = label;
        this.section = section;
        this.serviceSuffix = serviceSuffix;
    }

    /** The unit's own section, e.g. {@code Container}. */
    public String section() {
        return section;
    }

    /** The file extension with its dot, e.g. {@code .container}. */
    public String extension() {
        return "." + label;
    }

    /** The systemd service the generator writes for {@code basename} (without ServiceName=). */
    public String serviceName(String basename) {
        return basename + serviceSuffix + ".service";
    }

    @Override
    public String toString() {
        return label;
    }

    /** The type named by a file name's extension, or null. */
    public static UnitType ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : ofLabel(fileName.substring(dot + 1));
    }

    /** The type with this label (case-sensitive, as the generator's extension check), or null. */
    public static UnitType ofLabel(String label) {
        for (UnitType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        return null;
    }

    /** The type whose section has this name, or null. */
    public static UnitType ofSection(String section) {
        for (UnitType t : values()) {
            if (t.section.equals(section)) {
                return t;
            }
        }
        return null;
    }

    /** Parses a label for an operation parameter. */
    public static UnitType parse(String param, String label) {
        UnitType t = label == null ? null : ofLabel(label.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new InvalidValueException(param, Check.quote(label)
                    + " must be one of container, volume, network, kube, image, build, pod, artifact");
        }
        return t;
    }
}
