package dev.bosun.stdlib.quadlet.check;

import dev.bosun.stdlib.quadlet.PodmanVersion;

import java.util.Set;

/**
 * What a unit is validated against.
 *
 * @param podman the Podman version that will read the unit
 * @param units  file names of the Quadlet units next to it (including itself), or null when unknown;
 *               references to other units are only checked when this is known
 */
public record ValidationTarget(PodmanVersion podman, Set<String> units) {
    public ValidationTarget {
        podman = podman == null ? PodmanVersion.NEWEST : podman;
        units = units == null ? null : Set.copyOf(units);
    }
}
