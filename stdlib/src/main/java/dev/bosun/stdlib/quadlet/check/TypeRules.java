package dev.bosun.stdlib.quadlet.check;

import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.unit.UnitEntry;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.WordSplitter;

import java.util.List;
import java.util.Optional;

/** The generator's per-type rules (required keys, conflicts), with Podman's error texts. */
final class TypeRules {
    /** The Remap keys that conflict with explicit mappings (RemapUidSize does not: the generator ignores it then). */
    private static final List<String> REMAP = List.of("RemapUsers", "RemapUid", "RemapGid");
    private static final List<String> EXPLICIT_MAPS = List.of("UIDMap", "GIDMap", "SubUIDMap", "SubGIDMap", "UserNS");
    /** Podman's validPortRange, unanchored at the start as there: only the end of the value must be a port (range). */
    private static final java.util.regex.Pattern PORT_RANGE = java.util.regex.Pattern.compile("\\d+(-\\d+)?(/udp|/tcp)?\\z");

    private TypeRules() {
    }

    static void check(UnitFile f, UnitType type, String fileName, PodmanVersion v, Findings out) {
        String g = type.section();
        switch (type) {
            case CONTAINER -> container(f, g, fileName, out);
            case VOLUME -> volume(f, g, v, out);
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
                setWorkingDirectory(f, g, UnitType.KUBE, out);
                remapConflict(f, g, out);
            }
            case IMAGE -> required(f, g, "Image", "no Image key specified", out);
            case BUILD -> build(f, g, out);
            case POD -> {
                remapUsers(f, g, true, out);
                remapConflict(f, g, out);
            }
            case ARTIFACT -> required(f, g, "Artifact", "no Artifact key specified", out);
        }
    }

    private static void container(UnitFile f, String g, String fileName, Findings out) {
        String image = value(f, g, "Image");
        String rootfs = value(f, g, "Rootfs");
        if (image.isEmpty() && rootfs.isEmpty()) {
            out.error("Image", null, "no Image or Rootfs key specified");
        } else if (!image.isEmpty() && !rootfs.isEmpty()) {
            out.error("Rootfs", entry(f, g, "Rootfs"), "the Image And Rootfs keys conflict can not be specified together");
        }
        for (UnitEntry e : f.lookupAllEntries(g, "ExposeHostPort")) {
            String port = e.value().strip();
            if (!PORT_RANGE.matcher(port).find()) {
                out.error("ExposeHostPort", e, "invalid port format '" + port + "'");
            }
        }
        MountRules.check(f, g, out);
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

    /**
     * A local volume takes Type= only for its Device= (the image driver ignores both), and before Podman 6.0
     * Options= too; 6.0 passes Options= without a Device= on (the corpus' mount-options.volume).
     */
    private static void volume(UnitFile f, String g, PodmanVersion v, Findings out) {
        if ("image".equals(value(f, g, "Driver"))) {
            if (value(f, g, "Image").isEmpty()) {
                out.error("Image", entry(f, g, "Driver"), "the key Image is mandatory when using the image driver");
            }
            return;
        }
        if (value(f, g, "Device").isEmpty()) {
            if (!value(f, g, "Type").isEmpty()) {
                out.error("Type", entry(f, g, "Type"), "key Type can't be used without Device");
            } else if (!value(f, g, "Options").isEmpty() && v.compareTo(PodmanVersion.V6_0) < 0) {
                out.error("Options", entry(f, g, "Options"), "key Options can't be used without Device");
            }
        }
    }

    /**
     * SetWorkingDirectory= (Podman's handleSetWorkingDirectory): yaml for .kube files, file for .build files,
     * unit for both; any other value is a path or URL context, which only .build files take.
     */
    private static void setWorkingDirectory(UnitFile f, String g, UnitType type, Findings out) {
        String wd = value(f, g, "SetWorkingDirectory");
        UnitEntry at = entry(f, g, "SetWorkingDirectory");
        switch (wd.toLowerCase(java.util.Locale.ROOT)) {
            case "", "unit" -> {
            }
            case "yaml" -> {
                if (type != UnitType.KUBE) {
                    out.error("SetWorkingDirectory", at, "SetWorkingDirectory=" + wd + " is only supported in .kube files");
                }
            }
            case "file" -> {
                if (type != UnitType.BUILD) {
                    out.error("SetWorkingDirectory", at, "SetWorkingDirectory=" + wd + " is only supported in .build files");
                } else if (f.lookupLast(g, "File").isEmpty()) {
                    out.error("File", at, "no File key specified");
                }
            }
            default -> {
                if (type != UnitType.BUILD) {
                    out.error("SetWorkingDirectory", at, "unsupported value for WorkingDirectory: " + wd);
                }
            }
        }
    }

    private static void build(UnitFile f, String g, Findings out) {
        if (f.lookupAll(g, "ImageTag").isEmpty()) {
            out.error("ImageTag", null, "no ImageTag key specified");
        }
        setWorkingDirectory(f, g, UnitType.BUILD, out);
        String file = value(f, g, "File");
        String wd = value(f, g, "SetWorkingDirectory");
        if (file.isEmpty() && wd.isEmpty()) {
            out.error("File", null, "neither SetWorkingDirectory, nor File key specified");
        } else if (!file.isEmpty() && !file.startsWith("/") && !file.contains("://") && wd.isEmpty()) {
            out.error("File", entry(f, g, "File"), "relative path in File key requires SetWorkingDirectory key to be set");
        }
    }

    private static void remapUsers(UnitFile f, String g, boolean manualSupported, Findings out) {
        // Explicit mappings win: the generator then only checks that no Remap key is set (remapConflict).
        if (EXPLICIT_MAPS.stream().anyMatch(k -> !value(f, g, k).isEmpty() || !strv(f, g, k).isEmpty())) {
            return;
        }
        // RemapUsers= is read with LookupLast: its raw last value, not trimmed.
        String remap = f.lookupLast(g, "RemapUsers").orElse("");
        switch (remap) {
            case "" -> {
                if (!strv(f, g, "RemapUid").isEmpty()) {
                    out.error("RemapUid", entry(f, g, "RemapUid"), "UidMap set without RemapUsers");
                } else if (!strv(f, g, "RemapGid").isEmpty()) {
                    out.error("RemapGid", entry(f, g, "RemapGid"), "GidMap set without RemapUsers");
                }
            }
            case "auto" -> {
            }
            case "keep-id" -> {
                if (strv(f, g, "RemapUid").size() > 1) {
                    out.error("RemapUid", entry(f, g, "RemapUid"), "RemapUsers=keep-id supports only a single value for UID mapping");
                } else if (strv(f, g, "RemapGid").size() > 1) {
                    out.error("RemapGid", entry(f, g, "RemapGid"), "RemapUsers=keep-id supports only a single value for GID mapping");
                }
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

    /** Podman's {@code LookupAllStrv}: every value split into words, concatenated; an empty value clears. */
    static List<String> strv(UnitFile f, String g, String key) {
        List<String> out = new java.util.ArrayList<>();
        for (String v : f.lookupAll(g, key)) {
            words(v).ifPresent(out::addAll);
        }
        return out;
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
