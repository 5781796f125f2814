package dev.bosun.stdlib.quadlet.install;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Fs;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.users.AccountName;
import dev.bosun.stdlib.users.Accounts;
import dev.bosun.stdlib.users.User;

/**
 * Whose Quadlet directory a unit goes to: a user from the root's {@code /etc/passwd} (read by the users
 * module's reader, so both agree on which lines are accounts), with the directory the generator scans for
 * that user: {@code /etc/containers/systemd} for root, {@code ~/.config/containers/systemd} otherwise.
 *
 * @param name the user name
 * @param uid  numeric user id
 * @param gid  primary group id
 * @param home home directory
 */
public record UnitOwner(String name, int uid, int gid, String home) {
    public static UnitOwner of(Fs fs, String user) {
        AccountName.check("user", user);
        User u = Accounts.read(fs).user(user);
        if (u == null) {
            throw new InvalidValueException("user", Check.quote(user) + " must be a user in /etc/passwd (create it first, e.g. users.ensure)");
        }
        // (int) keeps the 32-bit pattern: the effect layer's owner ids are ints, as chown's uid_t is.
        return new UnitOwner(user, (int) u.uid(), (int) u.gid(), u.home());
    }

    public boolean isRoot() {
        return uid == 0;
    }

    /** The directory Podman's generator reads this user's units from. */
    public String quadletDir() {
        if (isRoot()) {
            return "/etc/containers/systemd";
        }
        if (!home.startsWith("/") || home.equals("/")) {
            throw new BosunException("user " + name + " has home " + Check.quote(home)
                    + ", so it has no ~/.config/containers/systemd; give it a real home directory");
        }
        return Fs.join(home, ".config/containers/systemd");
    }
}
