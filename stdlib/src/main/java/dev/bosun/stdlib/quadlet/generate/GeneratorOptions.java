package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.PodmanVersion;

import java.util.function.Predicate;

/**
 * How to generate: the podman path written as word 0 of every command ({@code PODMAN}), rootless or not
 * ({@code -user}), the Podman release whose generator to follow, and how to ask whether a host path exists
 * (an optional device, {@code AddDevice=-/dev/x}, is left out when its path does not exist on the host).
 */
public record GeneratorOptions(String podman, boolean user, PodmanVersion version, Predicate<String> hostPathExists) {
    /** Podman's compiled-in default when {@code PODMAN} is not set. */
    public static final String DEFAULT_PODMAN = "/usr/bin/podman";

    public GeneratorOptions {
        podman = podman == null || podman.isEmpty() ? DEFAULT_PODMAN : podman;
        version = version == null ? PodmanVersion.NEWEST : version;
        hostPathExists = hostPathExists == null ? p -> true : hostPathExists;
    }
}
