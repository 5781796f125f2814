package dev.bosun.stdlib.systemd;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;

import java.util.Map;
import java.util.regex.Pattern;

/** The {@code systemd} module: reload and control units of the system manager or a user's manager. */
@Module(name = "systemd", doc = "systemd unit control for the system manager or a user's manager "
        + "(systemctl --user -M USER@): daemonReload, start, stop, restart, enable, disable, status. Refused under "
        + "--root: the managers belong to the live system, which the root does not redirect.")
public final class SystemdModule implements HostModule {
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9:_.\\\\@-]+\\.(service|socket|target|timer|path|mount|slice|scope)");

    @Op(mutates = true, doc = "systemctl daemon-reload, e.g. after quadlet.install so the generator runs. An ensure: "
            + "only when a loaded unit's file changed on disk (NeedDaemonReload) or a Quadlet file changed after the "
            + "generators last ran; else changed:false and nothing planned. Planned under --dry-run.")
    public ControlResult daemonReload(HostContext ctx, @Optional SystemdTarget target) {
        SystemdTarget t = t(target);
        Systemctl.requireManager(ctx, "daemonReload");
        if (Systemctl.canRead(ctx, t) && !PendingReload.needed(ctx, t)) {
            return ControlResult.unchanged(null);
        }
        return Systemctl.change(ctx, t, null, "daemon-reload");
    }

    @Op(mutates = true, doc = "Starts a unit, e.g. systemd.start('web.service', {user:'web'}). An ensure: changed:false "
            + "when it is active already. A failure names the unit and quotes the end of its journal.")
    public ControlResult start(HostContext ctx, @Doc("unit name, e.g. web.service") String unit, @Optional SystemdTarget target) {
        return ensure(ctx, "start", unit, target, "ActiveState", "active", "reloading");
    }

    @Op(mutates = true, doc = "Stops a unit. An ensure: changed:false when it is inactive or failed already.")
    public ControlResult stop(HostContext ctx, @Doc("unit name") String unit, @Optional SystemdTarget target) {
        return ensure(ctx, "stop", unit, target, "ActiveState", "inactive", "failed");
    }

    @Op(mutates = true, doc = "Restarts a unit, always (not an ensure: a restart is what is asked for).")
    public ControlResult restart(HostContext ctx, @Doc("unit name") String unit, @Optional SystemdTarget target) {
        String u = unit(unit);
        Systemctl.requireManager(ctx, "restart");
        return Systemctl.change(ctx, t(target), u, "restart", u);
    }

    @Op(mutates = true, doc = "Enables a unit (Quadlet-generated units are enabled through [Install] in the unit file "
            + "instead). An ensure: changed:false when its unit file state is enabled already.")
    public ControlResult enable(HostContext ctx, @Doc("unit name") String unit, @Optional SystemdTarget target) {
        return ensure(ctx, "enable", unit, target, "UnitFileState", "enabled");
    }

    @Op(mutates = true, doc = "Disables a unit. An ensure: changed:false when its unit file state is disabled already.")
    public ControlResult disable(HostContext ctx, @Doc("unit name") String unit, @Optional SystemdTarget target) {
        return ensure(ctx, "disable", unit, target, "UnitFileState", "disabled");
    }

    /**
     * Runs {@code systemctl VERB UNIT} unless the unit's {@code property} already has one of {@code done}. The
     * state is read on the live system also under dry-run, so a plan lists only what would really change; where
     * there is no manager to ask (a plan for another root, a user's manager the same run is about to start) the
     * command is planned.
     */
    private static ControlResult ensure(HostContext ctx, String verb, String unit, SystemdTarget target, String property,
                                        String... done) {
        String u = unit(unit);
        SystemdTarget t = t(target);
        Systemctl.requireManager(ctx, verb);
        if (Systemctl.canRead(ctx, t)) {
            String state = Systemctl.show(ctx, t, u, property).getOrDefault(property, "");
            if (java.util.List.of(done).contains(state)) {
                return ControlResult.unchanged(u);
            }
        }
        return Systemctl.change(ctx, t, u, verb, u);
    }

    @Op(doc = "A unit's state: load, active and sub state, since when, main pid.")
    public UnitStatus status(HostContext ctx, @Doc("unit name") String unit, @Optional SystemdTarget target) {
        String u = unit(unit);
        if (!ctx.liveRoot() || !"systemd".equals(Systemctl.pid1())) {
            Systemctl.requireManager(ctx, "status");
            throw new BosunException("systemd.status: no service manager to ask under this root or without systemd as PID 1");
        }
        Map<String, String> p = Systemctl.show(ctx, t(target), u, "LoadState", "ActiveState", "SubState",
                "StateChangeTimestamp", "MainPID");
        String since = p.getOrDefault("StateChangeTimestamp", "");
        return new UnitStatus(u, p.get("LoadState"), p.get("ActiveState"), p.get("SubState"), since.isEmpty() ? null : since,
                Long.parseLong(p.getOrDefault("MainPID", "0")));
    }

    private static SystemdTarget t(SystemdTarget target) {
        return target == null ? new SystemdTarget(null) : target;
    }

    private static String unit(String unit) {
        Check.present("unit", unit);
        if (!UNIT.matcher(unit).matches() || unit.startsWith("-")) {
            throw new InvalidValueException("unit", Check.quote(unit) + " must be a unit name like web.service (" + UNIT.pattern() + ")");
        }
        return unit;
    }
}
