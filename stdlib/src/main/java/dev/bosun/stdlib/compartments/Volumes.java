package dev.bosun.stdlib.compartments;

/** Where a compartment's host-directory volumes live. */
final class Volumes {
    /**
     * The base of all compartments' volume directories. Not below /var/lib/bosun: that is Bosun's state directory,
     * kept 0700, and rootless Podman (running as the compartment user) must be able to reach a bind mount's source.
     */
    static final String BASE = "/var/lib/bosun-volumes";

    private Volumes() {
    }

    static String compartmentDir(String id) {
        return BASE + "/" + id;
    }

    static String dir(String id, String volume) {
        return compartmentDir(id) + "/" + volume;
    }
}
