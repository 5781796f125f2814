package dev.bosun.stdlib.quadlet.bundle;

import dev.bosun.stdlib.quadlet.UnitType;

/**
 * One unit of a {@code .quadlets} bundle.
 *
 * @param number   the section number as Podman counts it (blank sections count)
 * @param fileName the {@code # FileName=} value: the installed file is this plus the type's extension
 * @param type     the detected unit type
 * @param text     the section, trimmed, as it is installed
 */
public record BundleSection(int number, String fileName, UnitType type, String text) {
}
