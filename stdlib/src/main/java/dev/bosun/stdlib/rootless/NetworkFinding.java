package dev.bosun.stdlib.rootless;

import dev.bosun.api.Check;

/**
 * The user-mode network helper rootless containers get their network from: pasta (package passt; Podman 5's default)
 * or slirp4netns (Podman 4's default), unless containers.conf's {@code default_rootless_network_cmd} picks one.
 */
final class NetworkFinding {
    static final String ID = "network";
    private static final String TITLE = "for pasta or slirp4netns (the rootless network)";

    private NetworkFinding() {
    }

    /** @param podmanMajor Podman's major version, or 0 when unknown */
    static RootlessFinding of(Survey s, int podmanMajor) {
        Programs.Found pasta = s.programs.find("pasta");
        Programs.Found slirp = s.programs.find("slirp4netns");
        String installed = "installed: " + (pasta == null && slirp == null ? "neither"
                : (pasta != null ? "pasta (" + pasta.path() + ")" : "") + (pasta != null && slirp != null ? ", " : "")
                + (slirp != null ? "slirp4netns (" + slirp.path() + ")" : ""));
        String configured = s.conf.networkCmd();
        String wanted;
        String why;
        if (configured != null) {
            wanted = configured;
            why = "default_rootless_network_cmd = " + Check.quote(configured) + " in " + s.conf.networkCmdSource();
        } else if (podmanMajor >= 5) {
            wanted = "pasta";
            why = "Podman " + podmanMajor + "'s default";
        } else if (podmanMajor > 0) {
            wanted = "slirp4netns";
            why = "Podman " + podmanMajor + "'s default";
        } else {
            wanted = pasta != null || slirp == null ? "pasta" : "slirp4netns";
            why = "Podman's version is unknown: pasta is Podman 5's default, slirp4netns Podman 4's";
        }
        boolean present = wanted.equals("pasta") ? pasta != null : wanted.equals("slirp4netns") ? slirp != null : false;
        String detail = "uses " + Check.quote(wanted) + " (" + why + "); " + installed;
        if (present) {
            return RootlessFinding.ok(ID, TITLE, detail);
        }
        if (pasta == null && slirp == null) {
            return RootlessFinding.fail(ID, TITLE, detail + ": containers get no network (only --network none works)",
                    "apt install passt (pasta, for Podman 5) or apt install slirp4netns (Podman 4)");
        }
        String other = pasta != null ? "pasta" : "slirp4netns";
        String setOther = "set default_rootless_network_cmd = \"" + other + "\" in [network] of " + (configured != null
                ? s.conf.networkCmdSource() : "/etc/containers/containers.conf");
        // A configured value is quoted in the detail but never put into a command: it may come from the user's file.
        String install = wanted.equals("pasta") ? "apt install passt" : wanted.equals("slirp4netns") ? "apt install slirp4netns" : null;
        return RootlessFinding.fail(ID, TITLE, detail + ": containers fail to start with the default network",
                install == null ? setOther : install + ", or " + setOther);
    }
}
