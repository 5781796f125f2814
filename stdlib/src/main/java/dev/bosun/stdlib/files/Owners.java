package dev.bosun.stdlib.files;

import dev.bosun.api.Fs;
import dev.bosun.stdlib.users.Accounts;

/**
 * Owner and group names as the root's {@code etc/passwd} and {@code etc/group} say (not NSS: under
 * {@code --root} the host's name service knows nothing of the tree), read once per listing.
 */
final class Owners {
    private final Accounts accounts;

    private Owners(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The names of the root; none (numbers only) when its account files cannot be read: names are a nicety. */
    static Owners read(Fs fs) {
        try {
            return new Owners(Accounts.read(fs));
        } catch (RuntimeException e) {
            return new Owners(null);
        }
    }

    /** The user's name, or the uid as text. Ids above 2^31 arrive as negative ints (the kernel's bit pattern). */
    String user(int uid) {
        var u = accounts == null ? null : accounts.userByUid(Integer.toUnsignedLong(uid));
        return u != null ? u.name() : Integer.toUnsignedString(uid);
    }

    String group(int gid) {
        var g = accounts == null ? null : accounts.groupByGid(Integer.toUnsignedLong(gid));
        return g != null ? g.name() : Integer.toUnsignedString(gid);
    }
}
