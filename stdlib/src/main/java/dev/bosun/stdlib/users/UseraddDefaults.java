package dev.bosun.stdlib.users;

import dev.bosun.api.Fs;

/**
 * The root's {@code etc/default/useradd} ({@code KEY=value} lines). useradd reads it below the prefix,
 * but with {@code --prefix} it takes the skeleton directory from the host unless this file has a
 * {@code SKEL=} line (host-ops reference §4.1), so Bosun resolves SKEL itself and passes {@code -k}.
 *
 * @param mailSpool {@code CREATE_MAIL_SPOOL=yes}; without the line, upstream's built-in default is yes (Debian's
 *                  is no), so an absent line counts as yes and the spool directory is checked as if it were used
 */
record UseraddDefaults(String skel, String homeBase, boolean mailSpool) {
    static final String PATH = "/etc/default/useradd";

    static UseraddDefaults read(Fs fs) {
        String text = fs.readIfExists(PATH);
        String skel = "/etc/skel";
        String home = "/home";
        boolean mail = true;
        if (text != null) {
            for (String line : text.split("\n")) {
                String l = line.strip();
                if (l.startsWith("SKEL=") && l.length() > 5) {
                    skel = unquote(l.substring(5));
                } else if (l.startsWith("HOME=") && l.length() > 5) {
                    home = unquote(l.substring(5));
                } else if (l.startsWith("CREATE_MAIL_SPOOL=")) {
                    mail = unquote(l.substring(18)).equalsIgnoreCase("yes"); // as useradd's strcasecmp(.., "yes")
                }
            }
        }
        return new UseraddDefaults(skel, home, mail);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** The home useradd gives a user when none is asked for. */
    String homeOf(String name) {
        return Fs.join(homeBase, name);
    }
}
