package dev.bosun.stdlib.rootless;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;

/**
 * What keeps a user's Quadlet services running without a login: lingering (logind's marker
 * {@code /var/lib/systemd/linger/NAME} starts the user's manager at boot and keeps it after logout) and the runtime
 * directory logind makes for that manager ({@code /run/user/UID}, the user's own, mode 0700), where Podman keeps its
 * runtime state and which Podman refuses when another user owns it.
 */
final class SessionFindings {
    static final String LINGER = "linger";
    static final String RUNTIME_DIR = "runtimeDir";
    static final String LINGER_DIR = "/var/lib/systemd/linger";

    private SessionFindings() {
    }

    static boolean lingers(Survey s) {
        try {
            return s.subject != null && s.fs.exists(LINGER_DIR + "/" + s.subject.name());
        } catch (BosunException e) {
            return false;
        }
    }

    static RootlessFinding linger(Survey s) {
        String title = "if the user lingers (services run without a login)";
        if (s.subject == null) {
            return RootlessFinding.skip(LINGER, title, "no user named: pass {user}");
        }
        String name = s.subject.name();
        String marker = LINGER_DIR + "/" + name;
        if (lingers(s)) {
            return RootlessFinding.ok(LINGER, title, marker + " exists");
        }
        return RootlessFinding.warn(LINGER, title, "no " + marker + ": " + name + "'s manager, and with it every Quadlet "
                + "service, starts only at a login and stops at the last logout (none at boot)",
                "users.linger(\"" + name + "\", true), or loginctl enable-linger " + name);
    }

    static RootlessFinding runtimeDir(Survey s) {
        String title = "for the user's XDG_RUNTIME_DIR";
        if (s.subject == null) {
            return RootlessFinding.skip(RUNTIME_DIR, title, "no user named: pass {user}");
        }
        Subject u = s.subject;
        String dir = u.runtimeDir();
        FileStat st;
        try {
            st = s.fs.stat(dir);
        } catch (BosunException e) {
            return RootlessFinding.fail(RUNTIME_DIR, title, dir + ": " + e.getMessage(), "loginctl terminate-user " + u.name()
                    + " (logind removes it), then loginctl enable-linger " + u.name());
        }
        if (st == null) {
            String when = lingers(s) ? "lingering is on, so logind makes it when " + u.managerUnit() + " starts; it has "
                    + "not (after a boot it should be there)" : "logind makes it when " + u.name() + "'s manager starts "
                    + "(linger or a login)";
            return RootlessFinding.warn(RUNTIME_DIR, title, "no " + dir + ": " + when,
                    lingers(s) ? "systemctl start " + u.managerUnit() : "users.linger(\"" + u.name() + "\", true)");
        }
        String seen = dir + " is " + (st.type() == FileStat.Type.DIRECTORY ? "a directory" : "a " + st.type())
                + " mode " + IdMapperFinding.mode(st) + " owned by uid " + st.uid();
        String recreate = "loginctl terminate-user " + u.name() + " and remove " + dir + "; logind makes it again, "
                + "right, when the user's manager starts";
        if (st.type() != FileStat.Type.DIRECTORY || st.uid() != (int) u.uid()) {
            return RootlessFinding.fail(RUNTIME_DIR, title, seen + ", not by " + u.name() + " (uid " + u.uid()
                    + "): Podman refuses a runtime directory the user does not own", recreate);
        }
        if ((st.mode() & 0077) != 0) {
            return RootlessFinding.warn(RUNTIME_DIR, title, seen + ": others can reach the user's Podman state and "
                    + "sockets (logind makes it 0700)", "chmod 0700 " + dir);
        }
        return RootlessFinding.ok(RUNTIME_DIR, title, seen);
    }
}
