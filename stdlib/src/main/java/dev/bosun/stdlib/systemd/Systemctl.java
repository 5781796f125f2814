package dev.bosun.stdlib.systemd;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;
import dev.bosun.stdlib.users.Accounts;
import dev.bosun.stdlib.users.User;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and runs {@code systemctl} for the system manager or a user's manager.
 *
 * <p>A user's manager is reached with {@code systemctl --user -M USER@}: systemd connects to that
 * user's bus itself, so Bosun needs no {@code runuser}, no {@code XDG_RUNTIME_DIR} or
 * {@code DBUS_SESSION_BUS_ADDRESS} to construct, and no process running as the user; when the user's
 * manager is not running (no lingering, no session) systemctl says so clearly. The runuser route would
 * need all of that environment rebuilt by hand and fails with less helpful bus errors.
 */
final class Systemctl {
    /** How many of a failed unit's last journal lines an error quotes. */
    private static final int JOURNAL_LINES = 5;
    private static final int JOURNAL_LINE_CHARS = 200;

    private Systemctl() {
    }

    static List<String> argv(SystemdTarget target, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("systemctl");
        if (target.user() != null) {
            argv.add("--user");
            argv.add("-M");
            argv.add(target.user() + "@");
        }
        argv.add("--no-ask-password");
        argv.addAll(List.of(args));
        return argv;
    }

    /**
     * Fails unless there is a live systemd to talk to; without systemd as PID 1, a dry-run only notes the
     * problem. Under an alternate root it fails in both modes: the managers are the live system's, which
     * {@code --root} does not redirect, so a plan that listed the call would promise what the apply refuses.
     */
    static void requireManager(HostContext ctx, String what) {
        if (!ctx.liveRoot()) {
            throw new BosunException("the root is " + ctx.root()
                    + ", not the live system; systemd managers only exist for /, which --root does not redirect");
        }
        String pid1 = pid1();
        if (!"systemd".equals(pid1)) {
            String msg = "systemd is not PID 1 on this host (PID 1 is " + (pid1 == null ? "unknown" : "'" + pid1 + "'")
                    + "), so there is no service manager for systemd." + what;
            if (ctx.dryRun()) {
                ctx.plan().record(Change.note("systemd", msg));
                return;
            }
            throw new BosunException(msg);
        }
    }

    /**
     * True when there is a manager to read the state from: the live root with systemd as PID 1. Otherwise (a
     * plan for another root, or a host without systemd) nothing can be known, and an ensure plans its command.
     */
    static boolean canRead(HostContext ctx) {
        return ctx.liveRoot() && "systemd".equals(pid1());
    }

    /**
     * True when {@code target}'s manager can be asked about its state. Under dry-run a user's manager that is not
     * running cannot be: the user, or its lingering, may be planned by an earlier step of the same run (a
     * provisioning script on a fresh host), so the command is planned as the real run would run it, against the
     * manager that run starts. A real run always asks, and fails clearly when the manager is not there.
     */
    static boolean canRead(HostContext ctx, SystemdTarget target) {
        if (!canRead(ctx)) {
            return false;
        }
        if (target.user() == null || !ctx.dryRun()) {
            return true;
        }
        return ctx.exec().run(Command.of(argv(target, "show", "--property=Version")).readOnly().unchecked()).ok();
    }

    /** The command name of PID 1 (a live-system fact, read directly from /proc). */
    static String pid1() {
        try {
            return Files.readString(Path.of("/proc/1/comm")).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Properties of a unit (or of the manager, {@code unit} null) with {@code systemctl show}: a read-only
     * command, so it also runs under dry-run, where it decides what the plan must contain.
     */
    static Map<String, String> show(HostContext ctx, SystemdTarget target, String unit, String... properties) {
        List<String> args = new ArrayList<>(List.of("show"));
        if (unit != null) {
            args.add(unit);
        }
        args.add("--property=" + String.join(",", properties));
        ExecResult r = ctx.exec().run(Command.of(argv(target, args.toArray(String[]::new))).readOnly().unchecked());
        if (!r.ok()) {
            throw new BosunException("cannot read the state of " + (unit == null ? "the manager" : unit)
                    + manager(target) + ": " + r.command() + " failed (exit " + r.exitCode() + "): " + oneLine(r.stderr()));
        }
        return properties(r.stdout());
    }

    /** KEY=VALUE lines as systemctl show prints them. */
    static Map<String, String> properties(String text) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                p.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return p;
    }

    /**
     * Runs a changing systemctl command (recorded in the plan; under dry-run not run). A failure names the
     * unit and quotes the last lines its processes wrote to the journal, where the reason usually is.
     */
    static ControlResult change(HostContext ctx, SystemdTarget target, String unit, String... args) {
        ExecResult r = ctx.exec().run(Command.of(argv(target, args)).unchecked());
        if (!r.ok()) {
            // The front end puts the operation's name before the message.
            StringBuilder msg = new StringBuilder();
            msg.append(unit == null ? "systemctl " + String.join(" ", args) : unit).append(manager(target))
                    .append(" failed: ").append(oneLine(r.stderr()));
            if (unit != null) {
                List<String> journal = journalTail(ctx, target, unit);
                if (!journal.isEmpty()) {
                    msg.append("; its journal ends: ").append(String.join(" / ", journal.stream().map(Check::quote).toList()));
                }
            }
            throw new BosunException(msg.toString());
        }
        return new ControlResult(unit, true, r.command(), r.planned());
    }

    /**
     * The last lines the unit's processes logged in their latest run, so the error shows this failure, not an
     * older one. journald tags a line with the invocation id systemd gave the run, but it reads that id (and
     * the unit) from the process's cgroup: a process that writes and exits at once, on a busy host, can be
     * gone before journald looks, and its lines carry neither. Then the lines of the unit's user, or of the
     * unit, since the run began ({@code InactiveExitTimestamp}) are the run's lines.
     */
    private static List<String> journalTail(HostContext ctx, SystemdTarget target, String unit) {
        try {
            ExecResult shown = ctx.exec().run(Command.of(argv(target, "show", unit, "--timestamp=unix",
                    "--property=InvocationID,InactiveExitTimestamp")).readOnly().unchecked());
            Map<String, String> run = shown.ok() ? properties(shown.stdout()) : Map.of();
            String id = run.getOrDefault("InvocationID", "");
            String since = run.getOrDefault("InactiveExitTimestamp", "");
            // journald reads a service's output stream asynchronously: the last lines of a process that has just
            // failed may not be stored yet. --sync returns once everything logged before it is (it changes no
            // state a user sees, so it is a read for the plan).
            ctx.exec().run(Command.of("journalctl", "--sync").readOnly().unchecked());
            List<String> lines = id.matches("[0-9a-f]{32}") ? journal(ctx, "_SYSTEMD_INVOCATION_ID=" + id) : List.of();
            if (lines.isEmpty() && since.matches("@[0-9]+")) {
                List<String> args = new ArrayList<>(List.of("--since", since));
                args.addAll(List.of(runMatch(ctx, target, unit)));
                lines = journal(ctx, args.toArray(String[]::new));
            }
            return lines;
        } catch (BosunException e) {
            return List.of(); // the failure itself is the error; a journal we cannot read only makes it shorter
        }
    }

    /**
     * What marks the run's lines when the cgroup could not be read: for a user's manager, output streams
     * ({@code _TRANSPORT=stdout}) of the user's uid (the kernel gives journald the stream's credentials, so every line
     * has it; the transport leaves out the manager's own messages and PAM's session lines of that uid); for the system
     * manager, the unit.
     */
    private static String[] runMatch(HostContext ctx, SystemdTarget target, String unit) {
        if (target.user() == null) {
            return new String[] {"_SYSTEMD_UNIT=" + unit};
        }
        User user = Accounts.read(ctx.fs()).user(target.user());
        if (user == null) {
            throw new BosunException("no user " + target.user());
        }
        return new String[] {"_UID=" + user.uid(), "_TRANSPORT=stdout"};
    }

    private static List<String> journal(HostContext ctx, String... matches) {
        List<String> argv = new ArrayList<>(List.of("journalctl", "--no-pager", "--quiet", "-o", "cat",
                "-n", String.valueOf(JOURNAL_LINES)));
        argv.addAll(List.of(matches));
        ExecResult j = ctx.exec().run(Command.of(argv).readOnly().unchecked());
        List<String> lines = new ArrayList<>();
        if (j.ok()) {
            for (String line : j.stdout().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.length() > JOURNAL_LINE_CHARS ? line.substring(0, JOURNAL_LINE_CHARS) + "..." : line);
                }
            }
        }
        return lines;
    }

    private static String manager(SystemdTarget target) {
        return target.user() == null ? "" : " (manager of user " + target.user() + ")";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\n\\s*", "; ");
    }
}
