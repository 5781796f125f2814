package dev.bosun.stdlib.systemd;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Command;
import dev.bosun.api.Doc;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code systemd} module: reload and control units of the system manager or a user's manager. */
@Module(name = "systemd", doc = "systemd unit control for the system manager or a user's manager "
        + "(systemctl --user -M USER@): daemonReload, start, stop, restart, enable, disable, status. Refused under "
        + "--root: the managers belong to the live system, which the root does not redirect.")
public final class SystemdModule implements HostModule {
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9:_.\\\\@-]+\\.(service|socket|target|timer|path|mount|slice|scope)");

    @Op(mutates = true, doc = "systemctl daemon-reload, e.g. after quadlet.install so the generator runs. Planned under --dry-run.")
    public ControlResult daemonReload(HostContext ctx, @Optional SystemdTarget target) {
        return Systemctl.mutate(ctx, "daemonReload", t(target), "daemon-reload");
    }

    @Op(mutates = true, doc = "Starts a unit, e.g. systemd.start('web.service', {user:'web'}).")
    public ControlResult start(HostContext ctx, @Doc("unit name, e.g. web.service") String unit, @Optional SystemdTarget target) {
        return Systemctl.mutate(ctx, "start", t(target), "start", unit(unit));
    }

    @Op(mutates = true, doc = "Stops a unit.")
    public ControlResult stop(HostContext ctx, @Doc("unit name") String unit, @Optional SystemdTarget target) {
        return Systemctl.mutate(ctx, "stop", t(target), "stop", unit(unit));
    }

    @Op(mutates = true, doc = "Restarts a unit.")
    public ControlResult restart(HostContext ctx, @Doc("unit name") String unit, @Optional SystemdTarget target) {
        return Systemctl.mutate(ctx, "restart", t(target), "restart", unit(unit));
    }

    @Op(mutates = true, doc = "Enables a unit (Quadlet-generated units are enabled through [Install] in the unit file instead).")
    public ControlResult enable(HostContext ctx, @Doc("unit name") String unit, @Optional SystemdTarget target) {
        return Systemctl.mutate(ctx, "enable", t(target), "enable", unit(unit));
    }

    @Op(mutates = true, doc = "Disables a unit.")
    public ControlResult disable(HostContext ctx, @Doc("unit name") String unit, @Optional SystemdTarget target) {
        return Systemctl.mutate(ctx, "disable", t(target), "disable", unit(unit));
    }

    @Op(doc = "A unit's state: load, active and sub state, since when, main pid.")
    public UnitStatus status(HostContext ctx, @Doc("unit name") String unit, @Optional SystemdTarget target) {
        String u = unit(unit);
        if (!ctx.liveRoot() || !"systemd".equals(Systemctl.pid1())) {
            Systemctl.requireManager(ctx, "status");
            throw new BosunException("systemd.status: no service manager to ask under this root or without systemd as PID 1");
        }
        ExecResult r = ctx.exec().run(Command.of(Systemctl.argv(t(target), "show", u, "--property=LoadState,ActiveState,SubState,"
                + "StateChangeTimestamp,MainPID")).readOnly().unchecked());
        if (!r.ok()) {
            throw new BosunException("systemd.status: " + r.command() + " failed: " + r.stderr().strip());
        }
        Map<String, String> p = new HashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                p.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
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
