package dev.bosun.stdlib.rootless;

import dev.bosun.stdlib.kvm.Accounts;

import java.util.Set;

/**
 * The user whose rootless containers the preflight is about, as the root's account files describe it.
 *
 * @param name    login name
 * @param uid     uid
 * @param gid     primary gid
 * @param home    home directory from etc/passwd
 * @param gids    the primary and supplementary gids a new login gets
 * @param account the same user for {@link dev.bosun.stdlib.kvm.DeviceAccess}'s decisions
 */
record Subject(String name, long uid, long gid, String home, Set<Integer> gids, Accounts.User account) {
    /** Where logind keeps the user's runtime directory ({@code XDG_RUNTIME_DIR}). */
    String runtimeDir() {
        return "/run/user/" + uid;
    }

    /** The user's systemd manager, whose cgroup is what rootless Podman may use. */
    String managerUnit() {
        return "user@" + uid + ".service";
    }
}
