package dev.bosun.stdlib.rootless;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;

/**
 * newuidmap and newgidmap (shadow-utils; Debian's package uidmap): Podman runs them to write the user namespace's
 * uid and gid maps from /etc/subuid and /etc/subgid, which only a privileged program may do. Privileged means setuid
 * root, or the file capability cap_setuid / cap_setgid in effect; the mode bits and the {@code security.capability}
 * attribute are read on the file the PATH entry leads to.
 */
final class IdMapperFinding {
    private IdMapperFinding() {
    }

    static RootlessFinding newuidmap(Survey s) {
        return of(s, "newuidmap", FileCapabilities.CAP_SETUID, "cap_setuid");
    }

    static RootlessFinding newgidmap(Survey s) {
        return of(s, "newgidmap", FileCapabilities.CAP_SETGID, "cap_setgid");
    }

    private static RootlessFinding of(Survey s, String name, int capability, String capName) {
        String title = "if " + name + " is setuid root or has " + capName;
        Programs.Found p = s.programs.find(name);
        if (p == null) {
            return RootlessFinding.fail(name, title, name + " is not installed on " + String.join(":", Programs.PATH)
                    + ": Podman cannot map the sub-IDs and runs containers with the user's own uid only",
                    "apt install uidmap (Debian, Ubuntu); dnf install shadow-utils (Fedora)");
        }
        FileStat st = p.stat();
        String file = p.target() + " " + mode(st) + " uid " + st.uid();
        boolean setuid = (st.mode() & 04000) != 0;
        if (setuid && st.uid() == 0) {
            return RootlessFinding.ok(name, title, file + ": setuid root");
        }
        FileCapabilities caps = capabilities(s, p.target());
        if (caps != null && caps.grants(capability)) {
            return RootlessFinding.ok(name, title, file + ": file capability " + capName + "=ep");
        }
        String why = setuid ? "setuid, but owned by uid " + st.uid() + ", not root"
                : caps == null ? "neither setuid nor a file capability"
                : caps.rootId() != 0 ? "its capabilities belong to a user namespace (root uid " + caps.rootId() + ")"
                : !caps.effective() ? "it has file capabilities without the effective flag"
                : "its file capabilities do not include " + capName;
        return RootlessFinding.fail(name, title, file + ": " + why + ", so it cannot write the maps",
                "chown root:root " + p.target() + " && chmod u+s " + p.target() + " (Debian's mode 4755), or setcap "
                + capName + "=ep " + p.target() + "; reinstalling the package restores either (apt install --reinstall uidmap)");
    }

    private static FileCapabilities capabilities(Survey s, String path) {
        try {
            return FileCapabilities.parse(s.fs.xattr(path, "security.capability"));
        } catch (BosunException e) {
            return null;
        }
    }

    static String mode(FileStat st) {
        return String.format("%04o", st.mode());
    }
}
