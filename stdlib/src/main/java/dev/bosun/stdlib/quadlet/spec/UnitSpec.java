package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.stdlib.quadlet.UnitType;

/** A typed unit description ({@link ContainerSpec}, {@link VolumeSpec}, ...), turned into a file by {@link SpecCodec}. */
public sealed interface UnitSpec permits ContainerSpec, VolumeSpec, NetworkSpec, KubeSpec, ImageSpec, BuildSpec,
        PodSpec, ArtifactSpec {
    String name();

    UnitType unitType();

    /** True when {@code %} in values are systemd specifiers; false when they are literal. */
    Boolean specifiers();
}
