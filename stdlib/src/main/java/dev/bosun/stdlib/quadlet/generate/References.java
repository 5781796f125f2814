package dev.bosun.stdlib.quadlet.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * References from a unit to other Quadlet units ({@code Image=x.build}, {@code Network=x.network},
 * {@code Volume=x.volume:/data}, {@code Mount=source=x.volume}, {@code Pod=x.pod}): each becomes the name of
 * the podman resource the other unit creates, plus {@code Requires=}/{@code After=} (or {@code BindsTo=}
 * for a pod) on that unit's service. Host paths become {@code RequiresMountsFor=}.
 */
final class References {
    private static final Set<String> MOUNTS_WITH_SOURCE = Set.of("volume", "bind", "glob", "image", "artifact");

    private References() {
    }

    private static void dependOn(Conversion c, UnitInfo other) {
        c.service.add("Unit", "Requires", other.serviceFileName());
        c.service.add("Unit", "After", other.serviceFileName());
    }

    /** {@code handleImageSource}: {@code x.image}/{@code x.build} → the image that unit pulls or builds. */
    static String image(Conversion c, String image) {
        for (String suffix : List.of(".build", ".image")) {
            if (image.endsWith(suffix)) {
                UnitInfo info = c.index.get(image);
                if (info == null) {
                    c.fail("Image", "requested Quadlet image " + image + " was not found");
                    return image;
                }
                dependOn(c, info);
                image = info.resourceName();
            }
        }
        return image;
    }

    /**
     * {@code handleStorageSource}: a {@code ./relative} source is made absolute, an absolute one is a mount
     * the service needs, {@code x.volume} (and {@code x.image}, {@code x.artifact} for Mount=) the unit's resource.
     */
    static String storageSource(Conversion c, String key, String source, boolean images) {
        if (source.isEmpty()) {
            c.fail(key, c.release.hasArtifacts() ? "source cannot be empty"
                    : "Podman " + c.release.version().shortText() + "'s generator crashes on an empty source (panic: "
                    + "runtime error: index out of range [0] with length 0) and generates nothing at all");
            return source;
        }
        if (source.charAt(0) == '.') {
            source = c.absolutePath(source);
        }
        if (source.charAt(0) == '/') {
            c.service.addEscaped("Unit", "RequiresMountsFor", source);
        } else if (source.endsWith(".volume") || (images && source.endsWith(".image"))
                || (c.release.hasArtifacts() && source.endsWith(".artifact"))) {
            UnitInfo info = c.index.get(source);
            if (info == null) {
                c.fail(key, "requested Quadlet source " + source + " was not found");
                return source;
            }
            dependOn(c, info);
            source = info.resourceName();
        }
        return source;
    }

    /** {@code addNetworks}: {@code --network} per Network=, resolving {@code x.network[:opts]} and {@code x.container}. */
    static void networks(Conversion c, PodmanArgv argv) {
        for (String network : c.all("Network")) {
            int colon = network.indexOf(':');
            String name = colon < 0 ? network : network.substring(0, colon);
            boolean isNetwork = name.endsWith(".network");
            boolean isContainer = c.release.networkCanNameContainer() && name.endsWith(".container");
            if (isNetwork || isContainer) {
                UnitInfo info = c.index.get(name);
                if (info == null) {
                    c.fail("Network", "requested Quadlet unit " + name + " was not found");
                    continue;
                }
                if (info.resourceName().isEmpty()) {
                    c.fail("Network", "cannot get the resource name of " + name);
                    continue;
                }
                dependOn(c, info);
                if (colon >= 0) {
                    if (isContainer) {
                        c.fail("Network", "extra options are not supported when joining another container's network");
                        continue;
                    }
                    network = info.resourceName() + ":" + network.substring(colon + 1);
                } else {
                    network = isContainer ? "container:" + info.resourceName() : info.resourceName();
                }
            }
            argv.option("--network", network);
        }
    }

    /** {@code addVolumes}: {@code -v} per Volume=, resolving the source of {@code SOURCE:DEST[:OPTIONS]}. */
    static void volumes(Conversion c, PodmanArgv argv) {
        for (String volume : c.all("Volume")) {
            String[] parts = volume.split(":", 3);
            String source = parts.length >= 2 ? parts[0] : "";
            String dest = parts.length >= 2 ? parts[1] : parts[0];
            String options = parts.length >= 3 ? ":" + parts[2] : "";
            if (!source.isEmpty()) {
                source = storageSource(c, "Volume", source, false);
            }
            argv.add("-v");
            argv.add(source.isEmpty() ? dest : source + ":" + dest + options);
        }
    }

    /** {@code handlePod}: {@code --pod} for Pod=x.pod, bound to the pod's service, which then starts this one. */
    static void pod(Conversion c, PodmanArgv argv) {
        String pod = c.value("Pod");
        if (pod.isEmpty()) {
            return;
        }
        if (!pod.endsWith(".pod")) {
            c.fail("Pod", "pod " + pod + " is not Quadlet based");
            return;
        }
        UnitInfo info = c.index.get(pod);
        if (info == null) {
            c.fail("Pod", "quadlet pod unit " + pod + " does not exist");
            return;
        }
        if (c.release.stopsByName()) {
            argv.add("--pod", info.resourceName());
        } else {
            argv.add("--pod-id-file", "%t/" + info.serviceName() + ".pod-id");
        }
        c.service.add("Unit", "BindsTo", info.serviceFileName());
        c.service.add("Unit", "After", info.serviceFileName());
        boolean linkable = !(c.release.skipsTemplatesInPods() && Names.isTemplate(c.unit.fileName()));
        if (linkable && c.bool("StartWithPod", true)) {
            info.containersToStart().add(c.service.fileName());
        }
    }

    /**
     * {@code resolveContainerMountParams}: a Mount= value read as CSV; for mounts with a source, the source is
     * resolved like a Volume= source and the value written again with {@code type=} first.
     */
    private static final String MOUNT_FORMAT = "incorrect mount format: should be --mount "
            + "type=<bind|glob|tmpfs|volume>,[src=<host-dir|volume-name>,]target=<ctr-dir>[,options]";

    static String mount(Conversion c, String mount) {
        List<List<String>> records;
        try {
            records = GoCsv.readAll(mount, ',');
        } catch (GoCsv.CsvException e) {
            c.fail("Mount", e.getMessage());
            return mount;
        }
        if (records.size() != 1) {
            c.fail("Mount", MOUNT_FORMAT);
            return mount;
        }
        String type = null;
        List<String> tokens = new ArrayList<>();
        for (String s : records.getFirst()) {
            String[] kv = s.split("=", -1);
            if (type != null || kv.length != 2 || !kv[0].equals("type")) {
                tokens.add(s);
            } else {
                type = kv[1];
            }
        }
        if (type == null) {
            if (!c.release.mountTypeDefaultsToVolume()) {
                c.fail("Mount", MOUNT_FORMAT);
                return mount;
            }
            type = "volume";
        }
        if (!MOUNTS_WITH_SOURCE.contains(type) || (type.equals("artifact") && !c.release.hasArtifacts())) {
            return mount;
        }
        int sourceIndex = -1;
        String source = "";
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            int eq = t.indexOf('=');
            String k = eq < 0 ? t : t.substring(0, eq);
            if (k.equals("source") || k.equals("src")) {
                if (eq < 0) {
                    c.fail("Mount", "source parameter does not include a value");
                    return mount;
                }
                sourceIndex = i;
                source = t.substring(eq + 1);
            }
        }
        if (!c.release.volumeMountsWithoutSource()) {
            // Before 6.0 every such mount needed a source: an absent or empty one is "source cannot be empty".
            String resolved = storageSource(c, "Mount", source, true);
            if (sourceIndex >= 0) {
                tokens.set(sourceIndex, "source=" + resolved);
            }
        } else if (!source.isEmpty()) {
            tokens.set(sourceIndex, "source=" + storageSource(c, "Mount", source, true));
        } else if (!type.equals("volume")) {
            c.fail("Mount", "source parameter is required for mount type " + type);
            return mount;
        }
        List<String> fields = new ArrayList<>();
        fields.add("type=" + type);
        fields.addAll(tokens);
        return GoCsv.writeRecord(fields);
    }
}
