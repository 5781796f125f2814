package dev.bosun.stdlib.users;

import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.api.WriteOptions;

import java.util.List;

/**
 * What {@code users.ensure} promises of an existing user beyond its passwd line, checked and repaired on every
 * call: a useradd killed part way leaves a user whose primary group was never written (the next useradd would
 * then hand that gid to another user's group) or whose home was never made. Each repair is added to
 * {@code differences}; what cannot be repaired safely is said in {@code warnings}.
 *
 * <p>A killed useradd can also leave the passwd line without its shadow line (useradd writes passwd, shadow,
 * group, gshadow in that order), and a killed groupadd a group without its gshadow line. The line is added back
 * with shadow-utils itself, never by Bosun editing the file: {@code usermod -p '!'} (resp. {@code groupmod -p '!'})
 * on an account whose password field is {@code x} and that has no shadow line creates exactly that line, with the
 * locked password {@code !} useradd gives a new user and the aging fields of login.defs, and rewrites the files
 * under shadow-utils' own lock. {@code pwconv}/{@code grpconv} would do it too, but for every account at once (they
 * also drop shadow lines without a passwd line and move any password left in passwd), which is not this repair's
 * business. An account whose password field is not {@code x} keeps its password in passwd and needs no line.
 *
 * <p>The home is repaired only when it is missing (made with the skeleton, as useradd -m would) or when its
 * directory is not owned by the user (useradd creates it before the chown), or when it is empty at mode 0000 (useradd
 * creates it so and sets the mode next). A home that exists with part of
 * the skeleton is left alone: a file the user deleted on purpose looks the same as one a crash never copied.
 */
final class AccountRepair {
    private final HostContext ctx;
    private final List<String> differences;
    private final List<String> warnings;

    AccountRepair(HostContext ctx, List<String> differences, List<String> warnings) {
        this.ctx = ctx;
        this.differences = differences;
        this.warnings = warnings;
    }

    /** The group useradd makes for a user ("a new group named like the user"), when no group has the user's gid. */
    void primaryGroup(Accounts db, User u) {
        if (db.groupByGid(u.gid()) != null) {
            return;
        }
        Group named = db.group(u.name());
        if (named != null) {
            warnings.add("primary gid " + u.gid() + " has no group, and the name " + u.name() + " belongs to gid "
                    + named.gid() + "; create a group with gid " + u.gid() + " or change the user's group");
            return;
        }
        ShadowCommands.run(ctx, List.of("groupadd", "-g", Long.toString(u.gid()), u.name()));
        differences.add("primary group gid " + u.gid() + " missing -> created group " + u.name());
    }

    /**
     * The user's {@code etc/shadow} line, when passwd says the password is there ({@code x}) and it is not. The user
     * never had a password (useradd was cut off before writing it), so the line gets the locked one useradd gives.
     * A system account gets login.defs' aging fields, where useradd -r leaves them empty: usermod has no way to
     * leave them out, and with PASS_MAX_DAYS 99999 nothing expires.
     */
    void shadowLine(Accounts db, User u) {
        ShadowNames shadow = ShadowNames.read(ctx.fs(), ShadowNames.SHADOW);
        if (shadow == null || shadow.has(u.name()) || !db.passwordInShadow(u.name())) {
            return;
        }
        ShadowCommands.run(ctx, List.of("usermod", "-p", "!", u.name()));
        differences.add("shadow line of " + u.name() + " missing -> added with a locked password, as useradd leaves it");
    }

    /** The group's {@code etc/gshadow} line, when group says its password is there ({@code x}) and it is not. */
    void gshadowLine(Accounts db, String group) {
        ShadowNames gshadow = ShadowNames.read(ctx.fs(), ShadowNames.GSHADOW);
        if (gshadow == null || gshadow.has(group) || !db.passwordInGshadow(group)) {
            return;
        }
        ShadowCommands.run(ctx, List.of("groupmod", "-p", "!", group));
        differences.add("gshadow line of group " + group + " missing -> added with a locked password, as groupadd leaves it");
    }

    /** The home directory with the skeleton, owned by the user, when {@code createHome} was asked. */
    void home(User u, UseraddDefaults defaults, LoginDefs defs) {
        Fs fs = ctx.fs();
        FileStat st = fs.stat(u.home());
        int mode = homeMode(defs);
        if (st == null) {
            String parent = u.home().substring(0, Math.max(1, u.home().lastIndexOf('/')));
            if (!fs.exists(parent)) {
                fs.mkdirs(parent, 0755, 0, 0);
            }
            fs.mkdirs(u.home(), mode, (int) u.uid(), (int) u.gid());
            copySkeleton(defaults.skel(), u.home(), u);
            differences.add("home " + u.home() + " missing -> created from " + defaults.skel());
            return;
        }
        if (st.type() != FileStat.Type.DIRECTORY) {
            warnings.add("home " + u.home() + " is a " + st.type() + ", not a directory; not changed");
            return;
        }
        if (st.uid() != u.uid() || st.gid() != u.gid()) {
            fs.setAttributes(u.home(), null, (int) u.uid(), (int) u.gid());
            differences.add("home " + u.home() + " owner " + st.uid() + ":" + st.gid() + " -> " + u.uid() + ":" + u.gid());
        }
        // useradd makes the home with mode 0, chowns it, then sets the mode and copies the skeleton: an empty home with
        // no permission bits at all is that moment, cut short (no one keeps an empty home at 0000 on purpose).
        if ((st.mode() & 07777) == 0 && fs.list(u.home()).isEmpty()) {
            fs.setAttributes(u.home(), mode, null, null);
            copySkeleton(defaults.skel(), u.home(), u);
            differences.add("home " + u.home() + " mode 0000 and empty (useradd cut short) -> "
                    + String.format("%04o", mode) + " with " + defaults.skel());
        }
    }

    /** HOME_MODE, else 0777 without UMASK, as useradd computes it (login.defs defaults: UMASK 022). */
    static int homeMode(LoginDefs defs) {
        String homeMode = defs.get("HOME_MODE");
        if (homeMode != null && homeMode.matches("0?[0-7]{3,4}")) {
            return Integer.parseInt(homeMode, 8) & 07777;
        }
        String umask = defs.get("UMASK");
        int mask = umask != null && umask.matches("0?[0-7]{1,4}") ? Integer.parseInt(umask, 8) : 022;
        return 0777 & ~mask;
    }

    /** Directories and regular files of the skeleton, owned by the user; a link there is named, not copied. */
    private void copySkeleton(String skel, String home, User u) {
        Fs fs = ctx.fs();
        for (String name : fs.list(skel)) {
            String from = Fs.join(skel, name);
            String to = Fs.join(home, name);
            FileStat st = fs.stat(from);
            if (st.type() == FileStat.Type.DIRECTORY) {
                fs.mkdirs(to, st.mode(), (int) u.uid(), (int) u.gid());
                copySkeleton(from, to, u);
            } else if (st.type() == FileStat.Type.FILE) {
                fs.write(to, fs.readBytes(from), WriteOptions.mode(st.mode()).withOwner((int) u.uid(), (int) u.gid()));
            } else {
                warnings.add("skeleton entry " + from + " is a " + st.type() + "; not copied into " + home);
            }
        }
    }
}
