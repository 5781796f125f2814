package dev.bosun.stdlib.systemd;

import dev.bosun.api.BosunException;
import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a manager needs {@code daemon-reload}, which is what makes {@code systemd.daemonReload} an ensure.
 *
 * <p>A reload is needed when (1) a unit the manager has loaded changed on disk: systemd itself tracks that
 * per unit as {@code NeedDaemonReload} (fragment, drop-ins, and for generated units their SourcePath, e.g.
 * the .container file); or (2) the input of the Quadlet generator changed after the generators last ran: a new,
 * changed or removed Quadlet file, whose unit the manager cannot know yet. Unit files that are new are loaded
 * on demand and need no reload. The generators' last run is when they wrote their output directory (systemd
 * empties and refills it at every reload); a source modified at or after that instant counts as changed, so a
 * same-millisecond edit errs towards reloading. Other generators' inputs (fstab, ...) are not Bosun's and are
 * not looked at.
 */
final class PendingReload {
    private static final Pattern RUNTIME_UID = Pattern.compile("/run/user/([0-9]+)/systemd/generator");
    /** A bound on the walk, against a hostile tree below a user's config directory. */
    private static final int MAX_DEPTH = 8;

    private PendingReload() {
    }

    static boolean needed(HostContext ctx, SystemdTarget target) {
        return unitsChangedOnDisk(ctx, target) || quadletChangedSinceGenerators(ctx, target);
    }

    private static boolean unitsChangedOnDisk(HostContext ctx, SystemdTarget target) {
        ExecResult list = ctx.exec().run(Command.of(Systemctl.argv(target, "list-units", "--all", "--plain",
                "--no-legend", "--no-pager")).readOnly().unchecked());
        if (!list.ok()) {
            throw new BosunException("cannot list the units" + (target.user() == null ? ""
                    : " of user " + target.user() + "'s manager") + ": " + list.stderr().strip());
        }
        // "--": unit names may start with a dash (-.mount, -.slice).
        List<String> args = new ArrayList<>(List.of("show", "--property=NeedDaemonReload", "--"));
        for (String line : list.stdout().split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (!name.isEmpty()) {
                args.add(name);
            }
        }
        if (args.size() == 3) {
            return false;
        }
        ExecResult show = ctx.exec().run(Command.of(Systemctl.argv(target, args.toArray(String[]::new))).readOnly().unchecked());
        if (!show.ok()) {
            throw new BosunException("cannot read NeedDaemonReload of the loaded units: "
                    + "systemctl show failed (exit " + show.exitCode() + "): " + show.stderr().strip());
        }
        return show.stdout().contains("NeedDaemonReload=yes");
    }

    private static boolean quadletChangedSinceGenerators(HostContext ctx, SystemdTarget target) {
        Map<String, String> manager = Systemctl.show(ctx, target, null, "UnitPath");
        List<String> unitPath = List.of(manager.getOrDefault("UnitPath", "").split(" "));
        String generator = unitPath.stream().filter(p -> p.endsWith("/systemd/generator")).findFirst().orElse(null);
        Fs fs = ctx.fs();
        long generated = generator == null ? Long.MIN_VALUE : firstWrite(fs, generator);
        for (Source s : sources(target, unitPath, generator)) {
            long newest = newest(fs, s.dir(), s.recursive() ? MAX_DEPTH : 1);
            if (newest != Long.MIN_VALUE && newest >= generated) {
                return true;
            }
        }
        return false;
    }

    /** When the generators wrote their output directory last: its entries' and its own earliest mtime. */
    private static long firstWrite(Fs fs, String dir) {
        FileStat d = fs.stat(dir);
        if (d == null || d.type() != FileStat.Type.DIRECTORY) {
            return Long.MIN_VALUE;
        }
        long first = d.mtimeMillis();
        for (String name : fs.list(dir)) {
            FileStat st = fs.stat(Fs.join(dir, name));
            if (st != null) {
                first = Math.min(first, st.mtimeMillis());
            }
        }
        return first;
    }

    /** A directory the Quadlet generator reads. */
    private record Source(String dir, boolean recursive) {
    }

    /**
     * Podman's Quadlet search path: for the system manager /etc/containers/systemd (without its users/ tree),
     * /run/containers/systemd and /usr/share/containers/systemd; for a user's manager its
     * $XDG_CONFIG_HOME/containers/systemd, /etc/containers/systemd/users/UID and the files directly in
     * /etc/containers/systemd/users. The user's directories are read off the manager's own UnitPath.
     */
    private static List<Source> sources(SystemdTarget target, List<String> unitPath, String generator) {
        List<Source> out = new ArrayList<>();
        if (target.user() == null) {
            out.add(new Source("/etc/containers/systemd", true));
            out.add(new Source("/run/containers/systemd", true));
            out.add(new Source("/usr/share/containers/systemd", true));
            return out;
        }
        for (String p : unitPath) {
            if (p.endsWith("/systemd/user.control")) {
                out.add(new Source(p.substring(0, p.length() - "/systemd/user.control".length()) + "/containers/systemd", true));
                break;
            }
        }
        Matcher uid = RUNTIME_UID.matcher(generator == null ? "" : generator);
        if (uid.matches()) {
            out.add(new Source("/etc/containers/systemd/users/" + uid.group(1), true));
        }
        out.add(new Source("/etc/containers/systemd/users", false));
        return out;
    }

    /** The newest mtime of the directory and what is below it (to depth), never following links. */
    private static long newest(Fs fs, String dir, int depth) {
        FileStat d = fs.stat(dir);
        if (d == null || d.type() != FileStat.Type.DIRECTORY) {
            return Long.MIN_VALUE;
        }
        long newest = d.mtimeMillis();
        for (String name : fs.list(dir)) {
            String path = Fs.join(dir, name);
            FileStat st = fs.stat(path);
            if (st == null) {
                continue;
            }
            if (st.type() == FileStat.Type.DIRECTORY) {
                // The system manager's walk skips users/: those files are the users' managers' business.
                if (depth > 1 && !path.equals("/etc/containers/systemd/users")) {
                    newest = Math.max(newest, newest(fs, path, depth - 1));
                }
            } else if (depth >= 1) {
                newest = Math.max(newest, st.mtimeMillis());
            }
        }
        return newest;
    }
}
