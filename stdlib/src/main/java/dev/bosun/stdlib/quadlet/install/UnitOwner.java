package dev.bosun.stdlib.quadlet.install;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Fs;
import dev.bosun.api.InvalidValueException;

import java.util.regex.Pattern;

/**
 * Whose Quadlet directory a unit goes to: a user from the root's {@code /etc/passwd} (read here, not
 * through the users module, so the two can evolve apart), with the directory the generator scans for
 * that user: {@code /etc/containers/systemd} for root, {@code ~/.config/containers/systemd} otherwise.
 *
 * @param name the user name
 * @param uid  numeric user id
 * @param gid  primary group id
 * @param home home directory
 */
public record UnitOwner(String name, int uid, int gid, String home) {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}\\$?");

    public static UnitOwner of(Fs fs, String user) {
        Check.matches("user", user, NAME, "[a-z_][a-z0-9_-]{0,31}");
        String passwd = fs.readIfExists("/etc/passwd");
        if (passwd != null) {
            for (String line : passwd.split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length >= 7 && f[0].equals(user)) {
                    try {
                        return new UnitOwner(user, Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5]);
                    } catch (NumberFormatException e) {
                        throw new BosunException("/etc/passwd: the entry of " + user + " has a non-numeric uid or gid");
                    }
                }
            }
        }
        throw new InvalidValueException("user", Check.quote(user) + " must be a user in /etc/passwd (create it first, e.g. users.ensure)");
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
