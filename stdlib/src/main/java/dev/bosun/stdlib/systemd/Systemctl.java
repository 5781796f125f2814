package dev.bosun.stdlib.systemd;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Command;
import dev.bosun.api.HostContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** The command name of PID 1 (a live-system fact, read directly from /proc). */
    static String pid1() {
        try {
            return Files.readString(Path.of("/proc/1/comm")).strip();
        } catch (IOException e) {
            return null;
        }
    }

    static ControlResult mutate(HostContext ctx, String what, SystemdTarget target, String... args) {
        requireManager(ctx, what);
        Command c = Command.of(argv(target, args));
        var r = ctx.exec().run(c);
        return new ControlResult(r.command(), r.planned());
    }
}
