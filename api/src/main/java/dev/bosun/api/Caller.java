package dev.bosun.api;

/**
 * The identity of the Bosun process.
 *
 * @param uid  real user id
 * @param euid effective user id
 * @param user name of the real user, or the uid as text when it has no name
 */
public record Caller(int uid, int euid, String user) {
    /** True when the process runs with effective uid 0. */
    public boolean isRoot() {
        return euid == 0;
    }
}
