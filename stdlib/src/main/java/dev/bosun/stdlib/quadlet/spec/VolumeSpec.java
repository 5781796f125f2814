package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.UnitName;
import dev.bosun.stdlib.quadlet.UnitType;

import java.util.List;
import java.util.Map;

// Generated from quadlet-keys.json by stdlib/src/test/resources/dev/bosun/stdlib/quadlet/gen-quadlet-specs.py.

/** A {@code .volume} unit: one component per key of {@code [Volume]}, plus free [Unit]/[Service]/[Install] entries. */
@Doc("A .volume Quadlet unit; fields are the keys of [Volume] in camelCase.")
public record VolumeSpec(
        @Doc("unit name without extension, e.g. web (template: web@)") String name,
        @Optional @QuadletKey("ContainersConfModule") @Doc("ContainersConfModule=: --module=VALUE (global option, before the subcommand) (one entry per element)") List<String> containersConfModule,
        @Optional @QuadletKey("Copy") @Doc("Copy=: --opt copy / --opt nocopy") Boolean copy,
        @Optional @QuadletKey("Device") @Doc("Device=: --opt device=VALUE") String device,
        @Optional @QuadletKey("Driver") @Doc("Driver=: --driver (Driver=image requires Image)") String driver,
        @Optional @QuadletKey("GID") @Doc("GID=: --gid [Podman 6.0+]") String gid,
        @Optional @QuadletKey("GlobalArgs") @Doc("GlobalArgs=: words inserted before the subcommand (list of words)") List<String> globalArgs,
        @Optional @QuadletKey("Group") @Doc("Group=: o=gid=N") Long group,
        @Optional @QuadletKey("Image") @Doc("Image=: image for Driver=image (X.image / X.build references resolved)") String image,
        @Optional @QuadletKey("Label") @Doc("Label=: --label KEY=VALUE (KEY: VALUE map, null value = bare KEY)") Map<String, @Nullable String> label,
        @Optional @QuadletKey("Options") @Doc("Options=: appended to --opt o=...") String options,
        @Optional @QuadletKey("PodmanArgs") @Doc("PodmanArgs=: words appended after the generated options (list of words)") List<String> podmanArgs,
        @Optional @QuadletKey("ServiceName") @Doc("ServiceName=: name of the generated systemd unit (VALUE.service)") String serviceName,
        @Optional @QuadletKey("Type") @Doc("Type=: --opt type=VALUE (requires Device)") String type,
        @Optional @QuadletKey("UID") @Doc("UID=: --uid [Podman 6.0+]") String uid,
        @Optional @QuadletKey("User") @Doc("User=: o=uid=N") Long user,
        @Optional @QuadletKey("VolumeName") @Doc("VolumeName=: volume name (default systemd-<unit basename>)") String volumeName,
        @Optional @QuadletKey(value = "DefaultDependencies", section = "Quadlet") @Doc("[Quadlet] DefaultDependencies=: false drops the network-online dependency") Boolean defaultDependencies,
        @Optional @FreeSection("Unit") @Doc("[Unit] entries, Key: value (written verbatim)") Map<String, String> unit,
        @Optional @FreeSection("Service") @Doc("[Service] entries, Key: value (written verbatim)") Map<String, String> service,
        @Optional @FreeSection("Install") @Doc("[Install] entries, Key: value (written verbatim)") Map<String, String> install,
        @Optional @Doc("true: % in values are systemd specifiers (%h, %N) and kept as written; false (default): % is a literal percent sign") Boolean specifiers) implements UnitSpec {
    public VolumeSpec {
        name = UnitName.check("name", name, UnitType.VOLUME);
        containersConfModule = SpecValues.check(UnitType.VOLUME, "ContainersConfModule", "containersConfModule", containersConfModule);
        copy = SpecValues.check(UnitType.VOLUME, "Copy", "copy", copy);
        device = SpecValues.check(UnitType.VOLUME, "Device", "device", device);
        driver = SpecValues.check(UnitType.VOLUME, "Driver", "driver", driver);
        gid = SpecValues.check(UnitType.VOLUME, "GID", "gid", gid);
        globalArgs = SpecValues.check(UnitType.VOLUME, "GlobalArgs", "globalArgs", globalArgs);
        group = SpecValues.check(UnitType.VOLUME, "Group", "group", group);
        image = SpecValues.check(UnitType.VOLUME, "Image", "image", image);
        label = SpecValues.check(UnitType.VOLUME, "Label", "label", label);
        options = SpecValues.check(UnitType.VOLUME, "Options", "options", options);
        podmanArgs = SpecValues.check(UnitType.VOLUME, "PodmanArgs", "podmanArgs", podmanArgs);
        serviceName = SpecValues.check(UnitType.VOLUME, "ServiceName", "serviceName", serviceName);
        type = SpecValues.check(UnitType.VOLUME, "Type", "type", type);
        uid = SpecValues.check(UnitType.VOLUME, "UID", "uid", uid);
        user = SpecValues.check(UnitType.VOLUME, "User", "user", user);
        volumeName = SpecValues.check(UnitType.VOLUME, "VolumeName", "volumeName", volumeName);
        unit = SpecValues.section("unit", unit);
        service = SpecValues.section("service", service);
        install = SpecValues.section("install", install);
        specifiers = specifiers != null && specifiers;
    }

    @Override
    public UnitType unitType() {
        return UnitType.VOLUME;
    }
}
