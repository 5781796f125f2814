package dev.bosun.stdlib.compartments;

import dev.bosun.api.BosunException;
import dev.bosun.api.HostContext;
import dev.bosun.stdlib.quadlet.install.InstallResult;
import dev.bosun.stdlib.quadlet.spec.ContainerSpec;
import dev.bosun.stdlib.systemd.SystemdModule;
import dev.bosun.stdlib.systemd.SystemdTarget;
import dev.bosun.stdlib.users.User;

import java.util.List;
import java.util.Map;

/**
 * The compartment user's services, through the systemd module ({@code systemctl --user -M qm-<id>@}). Only on the
 * live host with systemd as PID 1 and the user's manager running: under --root the managers are the live system's
 * (the module refuses them), and a manager that lingering has not started yet has nothing to talk to.
 */
final class UserServices {
    private static final long MANAGER_WAIT_MILLIS = 30_000;

    private final HostContext ctx;
    private final User user;
    private final List<String> warnings;
    private final SystemdModule systemd = new SystemdModule();
    private final SystemdTarget target;

    UserServices(HostContext ctx, User user, List<String> warnings) {
        this.ctx = ctx;
        this.user = user;
        this.warnings = warnings;
        this.target = new SystemdTarget(user.name());
    }

    private boolean systemdHost() {
        String comm = ctx.liveRoot() ? ctx.fs().readIfExists("/proc/1/comm") : null;
        return comm != null && comm.strip().equals("systemd");
    }

    private boolean managerRunning() {
        return ctx.fs().exists("/run/user/" + user.uid() + "/systemd/private");
    }

    /** Reloads the manager, starts what autostarts, restarts what changed, and starts or stops the auto-update timer. */
    void converge(CompartmentSpec spec, Map<String, InstallResult> installed, boolean linger) {
        if (!ctx.liveRoot()) {
            warnings.add("services not started: the root is " + ctx.root() + ", not the live system; they start with "
                    + user.name() + "'s manager on the host that boots it");
            return;
        }
        if (!systemdHost()) {
            warnings.add("services not started: systemd is not PID 1 here");
            return;
        }
        if (!managerRunning() && linger && !ctx.dryRun()) {
            waitForManager();
        }
        if (!managerRunning()) {
            warnings.add(user.name() + "'s systemd manager is not running" + (ctx.dryRun() ? " yet (lingering starts it)" : "")
                    + "; its services start with it: " + String.join(", ", spec.containers().stream()
                    .filter(ContainerDecl::autostart).map(c -> CompartmentUnits.serviceOf(c.unit())).toList()));
            return;
        }
        systemd.daemonReload(ctx, target);
        for (ContainerDecl c : spec.containers()) {
            ContainerSpec u = c.unit();
            String service = CompartmentUnits.serviceOf(u);
            InstallResult r = installed.get(u.name() + ".container");
            if (r != null && r.changed()) {
                if (c.autostart()) {
                    systemd.restart(ctx, service, target);
                }
            } else if (c.autostart()) {
                systemd.start(ctx, service, target);
            }
        }
        if (spec.autoUpdate()) {
            systemd.start(ctx, CompartmentApply.AUTO_UPDATE_TIMER, target);
        } else {
            systemd.stop(ctx, CompartmentApply.AUTO_UPDATE_TIMER, target);
        }
    }

    /** Stops a service before its unit goes (an ensure: nothing when it is not running or cannot be asked). */
    void stop(String service) {
        if (ctx.liveRoot() && systemdHost() && managerRunning()) {
            systemd.stop(ctx, service, target);
        }
    }

    /**
     * Rootless Podman as the user needs its runtime directory {@code /run/user/UID} (XDG_RUNTIME_DIR, the runroot of
     * its storage.conf), which logind makes when lingering starts the user's manager: waits for it on the live host,
     * and refuses, before Podman fails with a less clear error, when it does not come. Nothing to wait for under
     * --root (those steps are refused there) or in a dry-run (the manager is only planned).
     */
    void requireRuntimeDir(boolean linger) {
        if (!ctx.liveRoot() || ctx.dryRun()) {
            return;
        }
        String dir = "/run/user/" + user.uid();
        if (linger && systemdHost()) {
            waitForManager();
        }
        if (!ctx.fs().exists(dir)) {
            throw new BosunException("compartment user " + user.name() + " has no runtime directory " + dir + (linger
                    ? ", which lingering did not bring up within " + MANAGER_WAIT_MILLIS / 1000 + " s"
                    : " (lingering is off and no session of the user is open)")
                    + "; Podman cannot make its secrets or logins without it");
        }
    }

    /** Lingering asks logind to start the manager; it comes up in the background. */
    private void waitForManager() {
        long deadline = System.nanoTime() + MANAGER_WAIT_MILLIS * 1_000_000;
        while (!managerRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
