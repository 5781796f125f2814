package dev.bosun.stdlib.quadlet.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * User= / Group= and the user namespace keys: the explicit ones (UserNS=, UIDMap=, GIDMap=, SubUIDMap=,
 * SubGIDMap=) and the deprecated RemapUsers= family, which may not be combined with them.
 */
final class UserMappings {
    private UserMappings() {
    }

    /** {@code handleUser}: {@code --user USER[:GROUP]}; a group without a user is an error. */
    static void user(Conversion c, PodmanArgv argv) {
        String user = c.value("User");
        String group = c.value("Group");
        if (user.isEmpty()) {
            if (!group.isEmpty()) {
                c.fail("Group", "invalid Group set without User");
            }
            return;
        }
        if (!group.isEmpty() && c.release.joinsOption(c.type, "--name")) {
            argv.add("--user=" + user + ":" + group); // before 5.3, only with a group
        } else {
            argv.add("--user", group.isEmpty() ? user : user + ":" + group);
        }
    }

    /** {@code handleUserMappings}; {@code manualRemap} says whether RemapUsers=manual is allowed. */
    static void mappings(Conversion c, PodmanArgv argv, boolean manualRemap) {
        boolean defined = false;
        String userns = c.value("UserNS");
        if (!userns.isEmpty()) {
            argv.add("--userns", userns);
            defined = true;
        }
        List<String> uidMaps = c.strv("UIDMap");
        defined |= !uidMaps.isEmpty();
        uidMaps.forEach(m -> argv.option("--uidmap", m));
        List<String> gidMaps = c.strv("GIDMap");
        defined |= !gidMaps.isEmpty();
        gidMaps.forEach(m -> argv.option("--gidmap", m));
        String subUid = c.value("SubUIDMap");
        if (!subUid.isEmpty()) {
            argv.add("--subuidname", subUid);
            defined = true;
        }
        String subGid = c.value("SubGIDMap");
        if (!subGid.isEmpty()) {
            argv.add("--subgidname", subGid);
            defined = true;
        }
        if (defined) {
            if (c.lookup("RemapUid").isPresent() || c.lookup("RemapGid").isPresent()
                    || c.lookup("RemapUsers").isPresent()) {
                String key = c.lookup("RemapUsers").isPresent() ? "RemapUsers"
                        : c.lookup("RemapUid").isPresent() ? "RemapUid" : "RemapGid";
                c.fail(key, "deprecated Remap keys are set along with explicit mapping keys");
            }
            return;
        }
        remap(c, argv, manualRemap);
    }

    /** {@code handleUserRemap}: RemapUsers=auto, keep-id or manual with RemapUid=/RemapGid=/RemapUidSize=. */
    private static void remap(Conversion c, PodmanArgv argv, boolean manualRemap) {
        List<String> uidMaps = c.strv("RemapUid");
        List<String> gidMaps = c.strv("RemapGid");
        String remap = c.unit.lookupLast(c.group, "RemapUsers").orElse("");
        switch (remap) {
            case "" -> {
                if (!uidMaps.isEmpty()) {
                    c.fail("RemapUid", "UidMap set without RemapUsers");
                }
                if (!gidMaps.isEmpty()) {
                    c.fail("RemapGid", "GidMap set without RemapUsers");
                }
            }
            case "manual" -> {
                if (manualRemap) {
                    uidMaps.forEach(m -> argv.option("--uidmap", m));
                    gidMaps.forEach(m -> argv.option("--gidmap", m));
                } else {
                    c.fail("RemapUsers", "RemapUsers=manual is not supported");
                }
            }
            case "auto" -> {
                List<String> opts = new ArrayList<>();
                uidMaps.forEach(m -> opts.add("uidmapping=" + m));
                gidMaps.forEach(m -> opts.add("gidmapping=" + m));
                long size = c.unit.lookupUint32(c.group, "RemapUidSize", 0);
                if (size > 0) {
                    opts.add("size=" + size);
                }
                remapUserns(c, argv, usernsOpts("auto", opts));
            }
            case "keep-id" -> {
                List<String> opts = new ArrayList<>();
                if (!uidMaps.isEmpty()) {
                    if (uidMaps.size() > 1) {
                        c.fail("RemapUid", "RemapUsers=keep-id supports only a single value for UID mapping");
                    }
                    opts.add("uid=" + uidMaps.getFirst());
                }
                if (!gidMaps.isEmpty()) {
                    if (gidMaps.size() > 1) {
                        c.fail("RemapGid", "RemapUsers=keep-id supports only a single value for GID mapping");
                    }
                    opts.add("gid=" + gidMaps.getFirst());
                }
                remapUserns(c, argv, usernsOpts("keep-id", opts));
            }
            default -> c.fail("RemapUsers", "unsupported RemapUsers option '" + remap + "'");
        }
    }

    /** Before 5.3 the remapped namespace was one word, {@code --userns=auto:...}. */
    private static void remapUserns(Conversion c, PodmanArgv argv, String value) {
        if (c.release.joinsOption(c.type, "--name")) {
            argv.add("--userns=" + value);
        } else {
            argv.add("--userns", value);
        }
    }

    private static String usernsOpts(String kind, List<String> opts) {
        return opts.isEmpty() ? kind : kind + ":" + String.join(",", opts);
    }
}
