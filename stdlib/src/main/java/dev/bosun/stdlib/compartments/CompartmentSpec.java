package dev.bosun.stdlib.compartments;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.spec.BuildSpec;
import dev.bosun.stdlib.quadlet.spec.ImageSpec;
import dev.bosun.stdlib.quadlet.spec.NetworkSpec;
import dev.bosun.stdlib.quadlet.spec.PodSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One rootless application as a declaration: what compartments.plan shows, compartments.apply makes true and
 * compartments.remove takes away again. Every list is optional and empty by default; a record built from JSON
 * (or a JS object) validates here, so a bad spec changes nothing.
 */
@Doc("A compartment: a system user qm-<id> with its group, sub-IDs, Podman settings, volumes, Quadlet units, "
        + "secrets and registry logins")
public record CompartmentSpec(
        @Doc("compartment id: " + CompartmentNames.RULE + "; the user and group are qm-<id>, helper users qmh-<id>-<N>") String id,
        @Optional @Doc("options of the compartment user qm-<id>") CompartmentUser user,
        @Optional @Doc("number of sub-UIDs and sub-GIDs, at least 65536 (ID maps cover 65536 container IDs); default 65536") Long subIds,
        @Optional @Doc("volumes: host directories under /var/lib/bosun-volumes/<id>/ or Quadlet .volume units") List<VolumeDecl> volumes,
        @Optional @Doc("Quadlet .network units, as quadlet.network takes them") List<NetworkSpec> networks,
        @Optional @Doc("Quadlet .pod units, as quadlet.pod takes them") List<PodSpec> pods,
        @Optional @Doc("containers: a Quadlet .container unit each, with volume mounts, ID maps and autostart") List<ContainerDecl> containers,
        @Optional @Doc("Quadlet .image units (pulled images a container names as X.image)") List<ImageSpec> images,
        @Optional @Doc("Quadlet .build units (a container naming X.build gets Podman's X-build.service dependency)") List<BuildSpec> builds,
        @Optional @Doc("Podman secrets of the user; values are read at apply time from a file or an environment variable and never stored") List<SecretDecl> secrets,
        @Optional @Doc("registry logins, kept in the user's persistent ~/.config/containers/auth.json") List<RegistryLogin> logins,
        @Optional @Doc("Podman storage and runtime settings (storage.conf, containers.conf in the user's home)") PodmanSettings podman,
        @Optional @Doc("keep the user's systemd manager running without a login (loginctl enable-linger); default true") Boolean linger,
        @Optional @Doc("enable the user's podman-auto-update.timer (containers with autoUpdate: 'registry' are updated); default false") Boolean autoUpdate) {

    static final long MIN_SUBIDS = 65536;

    public CompartmentSpec {
        CompartmentNames.checkId("id", id);
        user = user == null ? new CompartmentUser(null, null, null) : user;
        if (subIds != null) {
            Check.range("subIds", subIds, MIN_SUBIDS, 1L << 31);
        }
        volumes = copy(volumes);
        networks = copy(networks);
        pods = copy(pods);
        containers = copy(containers);
        images = copy(images);
        builds = copy(builds);
        secrets = copy(secrets);
        logins = copy(logins);
        podman = podman == null ? new PodmanSettings(null, null, null, null) : podman;
        linger = linger == null || linger;
        autoUpdate = autoUpdate != null && autoUpdate;
        unique("volumes", volumes.stream().map(VolumeDecl::name).toList());
        unique("secrets", secrets.stream().map(SecretDecl::name).toList());
        unique("logins", logins.stream().map(RegistryLogin::registry).toList());
        // One Quadlet directory holds every unit, so file names must not repeat across the lists.
        List<String> files = new java.util.ArrayList<>();
        networks.forEach(n -> files.add(n.name() + ".network"));
        pods.forEach(p -> files.add(p.name() + ".pod"));
        containers.forEach(c -> files.add(c.unit().name() + ".container"));
        images.forEach(i -> files.add(i.name() + ".image"));
        builds.forEach(b -> files.add(b.name() + ".build"));
        volumes.stream().filter(v -> v.quadlet() != null).forEach(v -> files.add(v.name() + ".volume"));
        unique("units", files);
        Set<String> volumeNames = new HashSet<>(volumes.stream().map(VolumeDecl::name).toList());
        for (ContainerDecl c : containers) {
            for (VolumeMount m : c.volumes()) {
                if (!volumeNames.contains(m.volume())) {
                    throw new InvalidValueException("containers", c.unit().name() + " mounts volume " + Check.quote(m.volume())
                            + ", which the spec's volumes do not declare");
                }
            }
        }
        for (VolumeDecl v : volumes) {
            if (v.ownerUid() != 0 && v.quadlet() != null) {
                throw new InvalidValueException("volumes", v.name() + ": ownerUid applies to host-directory volumes; "
                        + "a Quadlet volume's owner is set with its own uid/gid keys");
            }
        }
    }

    long subIdCount() {
        return subIds == null ? MIN_SUBIDS : subIds;
    }

    private static <T> List<T> copy(List<T> list) {
        if (list == null) {
            return List.of();
        }
        for (T t : list) {
            if (t == null) {
                throw new InvalidValueException("spec", "lists must not contain null");
            }
        }
        return List.copyOf(list);
    }

    private static void unique(String param, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new InvalidValueException(param, Check.quote(n) + " occurs twice");
            }
        }
    }
}
