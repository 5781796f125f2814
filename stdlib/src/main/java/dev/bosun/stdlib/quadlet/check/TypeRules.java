package dev.bosun.stdlib.quadlet.check;

import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.unit.UnitEntry;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.WordSplitter;

import java.util.List;
import java.util.Optional;

/** The generator's per-type rules (required keys, conflicts), with Podman's error texts. */
final class TypeRules {
    private static final List<String> REMAP = List.of("RemapUsers", "RemapUid", "RemapGid", "RemapUidSize");
    private static final List<String> EXPLICIT_MAPS = List.of("UIDMap", "GIDMap", "SubUIDMap", "SubGIDMap", "UserNS");

    private TypeRules() {
    }

    static void check(UnitFile f, UnitType type, String fileName, Findings out) {
        String g = type.section();
        switch (type) {
            case CONTAINER -> container(f, g, fileName, out);
            case VOLUME -> {
                if ("image".equals(value(f, g, "Driver")) && value(f, g, "Image").isEmpty()) {
                    out.error("Image", entry(f, g, "Driver"), "the key Image is mandatory when using the image driver");
                }
            }
            case NETWORK -> network(f, g, out);
            case KUBE -> {
                List<UnitEntry> yaml = f.lookupAllEntries(g, "Yaml");
                if (yaml.isEmpty()) {
                    out.error("Yaml", null, "no Yaml key specified");
                }
                remapUsers(f, g, false, out);
                if ("yaml".equals(value(f, g, "SetWorkingDirectory")) && yaml.size() != 1) {
                    out.error("SetWorkingDirectory", entry(f, g, "SetWorkingDirectory"),
                            "SetWorkingDirectory=yaml is only supported when a single Yaml key is provided");
                }
                remapConflict(f, g, out);
            }
            case IMAGE -> required(f, g, "Image", "no Image key specified", out);
            case BUILD -> build(f, g, out);
            case POD -> {
                remapUsers(f, g, false, out);
                remapConflict(f, g, out);
            }
            case ARTIFACT -> required(f, g, "Artifact", "no Artifact key specified", out);
        }
    }

    private static void container(UnitFile f, String g, String fileName, Findings out) {
        String image = value(f, g, "Image");
        if (image.isEmpty() && value(f, g, "Rootfs").isEmpty()) {
            out.error("Image", null, "no Image or Rootfs key specified");
        }
        if (!value(f, g, "Group").isEmpty() && value(f, g, "User").isEmpty()) {
            out.error("Group", entry(f, g, "Group"), "invalid Group set without User");
        }
        if (!value(f, g, "ReloadCmd").isEmpty() && !value(f, g, "ReloadSignal").isEmpty()) {
            out.error("ReloadCmd", entry(f, g, "ReloadCmd"), "ReloadCmd and ReloadSignal are mutually exclusive but both are set");
        }
        remapUsers(f, g, true, out);
        remapConflict(f, g, out);
        String pod = value(f, g, "Pod");
        if (!pod.isEmpty() && !pod.endsWith(".pod")) {
            out.error("Pod", entry(f, g, "Pod"), "pod " + pod + " is not Quadlet based");
        }
        if (!image.isEmpty() && !image.endsWith(".image") && !image.endsWith(".build") && !ImageNames.isUnambiguous(image)) {
            out.warning("Image", entry(f, g, "Image"), fileName + " specifies the image \"" + image
                    + "\" which not a fully qualified image name. This is not ideal for performance and security reasons. "
                    + "See the podman-pull manpage discussion of short-name-aliases.conf for details.");
        }
    }

    private static void network(UnitFile f, String g, Findings out) {
        int subnets = f.lookupAll(g, "Subnet").size();
        List<UnitEntry> gateways = f.lookupAllEntries(g, "Gateway");
        List<UnitEntry> ranges = f.lookupAllEntries(g, "IPRange");
        if (subnets == 0 && (!gateways.isEmpty() || !ranges.isEmpty())) {
            UnitEntry at = gateways.isEmpty() ? ranges.getFirst() : gateways.getFirst();
            out.error(at.key(), at, "cannot set gateway or range without subnet");
        } else {
            if (gateways.size() > subnets) {
                out.error("Gateway", gateways.get(subnets), "cannot set more gateways than subnets");
            }
            if (ranges.size() > subnets) {
                out.error("IPRange", ranges.get(subnets), "cannot set more ranges than subnets");
            }
        }
        for (UnitEntry dns : f.lookupAllEntries(g, "DNS")) {
            String v = dns.value().strip().toLowerCase(java.util.Locale.ROOT);
            if (List.of("true", "false", "yes", "no", "on", "off").contains(v)) {
                out.error("DNS", dns, "DNS=" + dns.value() + " is not a DNS server address (DNS= takes an IP address; use DisableDNS= to switch DNS off)");
            }
        }
    }

    private static void build(UnitFile f, String g, Findings out) {
        if (f.lookupAll(g, "ImageTag").isEmpty()) {
            out.error("ImageTag", null, "no ImageTag key specified");
        }
        String file = value(f, g, "File");
        String wd = value(f, g, "SetWorkingDirectory");
        if (file.isEmpty() && wd.isEmpty()) {
            out.error("File", null, "neither SetWorkingDirectory, nor File key specified");
        } else if (!file.isEmpty() && !file.startsWith("/") && !file.contains("://") && wd.isEmpty()) {
            out.error("File", entry(f, g, "File"), "relative path in File key requires SetWorkingDirectory key to be set");
        }
    }

    private static void remapUsers(UnitFile f, String g, boolean manualSupported, Findings out) {
        String remap = value(f, g, "RemapUsers");
        switch (remap) {
            case "", "auto", "keep-id" -> {
            }
            case "manual" -> {
                if (!manualSupported) {
                    out.error("RemapUsers", entry(f, g, "RemapUsers"), "RemapUsers=manual is not supported");
                }
            }
            default -> out.error("RemapUsers", entry(f, g, "RemapUsers"), "unsupported RemapUsers option '" + remap + "'");
        }
    }

    private static void remapConflict(UnitFile f, String g, Findings out) {
        boolean remap = REMAP.stream().anyMatch(k -> f.lookupLast(g, k).isPresent());
        boolean explicit = EXPLICIT_MAPS.stream().anyMatch(k -> f.lookupLast(g, k).isPresent());
        if (remap && explicit) {
            out.error("RemapUsers", null, "deprecated Remap keys are set along with explicit mapping keys");
        }
    }

    private static void required(UnitFile f, String g, String key, String message, Findings out) {
        if (value(f, g, key).isEmpty()) {
            out.error(key, null, message);
        }
    }

    static String value(UnitFile f, String g, String key) {
        return f.lookup(g, key).orElse("");
    }

    static UnitEntry entry(UnitFile f, String g, String key) {
        return f.lastEntry(g, key).orElse(null);
    }

    static Optional<List<String>> words(String value) {
        try {
            return Optional.of(WordSplitter.STRV.split(value));
        } catch (WordSplitter.SplitException e) {
            return Optional.empty();
        }
    }
}
