package dev.bosun.stdlib.subids;

/** The two sub-ID databases: subordinate uids and gids. */
public enum SubIdKind {
    UID("uid", "/etc/subuid", "SUB_UID"),
    GID("gid", "/etc/subgid", "SUB_GID");

    private final String label;
    private final String path;
    private final String defsPrefix;

    SubIdKind(String label, String path, String defsPrefix) {
        this.label = label;
        this.path = path;
        this.defsPrefix = defsPrefix;
    }

    /** The root-relative file. */
    public String path() {
        return path;
    }

    /** Prefix of the login.defs keys ({@code SUB_UID} or {@code SUB_GID}). */
    String defsPrefix() {
        return defsPrefix;
    }

    @Override
    public String toString() {
        return label;
    }
}
