package dev.bosun.stdlib.quadlet.check;

import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.unit.UnitEntry;
import dev.bosun.stdlib.quadlet.unit.UnitFile;

import java.util.List;
import java.util.Set;

/**
 * Rules on the systemd sections the generator copies: Podman's (KillMode, Type, unsupported
 * [Service] keys) and Bosun's own for mistakes tools like quadletman make (Restart=unless-stopped,
 * MemoryLimit=, CPUQuota= without %, DefaultDependencies= in [Unit]).
 */
final class ServiceRules {
    private static final Set<String> RESTART = Set.of("no", "on-success", "on-failure", "on-abnormal", "on-watchdog",
            "on-abort", "always");

    private ServiceRules() {
    }

    static void check(UnitFile f, UnitType type, Findings out) {
        if (type == UnitType.CONTAINER || type == UnitType.KUBE) {
            f.lastEntry("Service", "KillMode").ifPresent(e -> {
                if (!List.of("mixed", "control-group").contains(e.value())) {
                    out.error("KillMode", e, "invalid KillMode '" + e.value() + "'");
                }
            });
            f.lastEntry("Service", "Type").ifPresent(e -> {
                if (!List.of("notify", "oneshot").contains(e.value())) {
                    out.error("Type", e, "invalid service Type '" + e.value() + "'");
                }
            });
        }
        for (String k : List.of("User", "Group", "DynamicUser")) {
            f.lastEntry("Service", k).ifPresent(e ->
                    out.warning(k, e, "using key " + k + " in the Service group is not supported"));
        }
        f.lastEntry("Service", "Restart").ifPresent(e -> {
            if (!e.value().isEmpty() && !RESTART.contains(e.value())) {
                out.error("Restart", e, "Restart=" + e.value() + " is not a systemd value (use no, on-success, "
                        + "on-failure, on-abnormal, on-watchdog, on-abort or always)");
            }
        });
        f.lastEntry("Service", "MemoryLimit").ifPresent(e ->
                out.warning("MemoryLimit", e, "MemoryLimit= is the deprecated cgroup v1 setting; use MemoryMax="));
        f.lastEntry("Service", "CPUQuota").ifPresent(e -> {
            if (!e.value().isEmpty() && !e.value().endsWith("%")) {
                out.error("CPUQuota", e, "CPUQuota=" + e.value() + " needs a percentage such as 50%");
            }
        });
        for (UnitEntry e : f.entries("Unit")) {
            if (e.key().equals("DefaultDependencies")) {
                out.warning("DefaultDependencies", e, "DefaultDependencies= in [Unit] is systemd's own setting; "
                        + "Quadlet's network dependency switch is DefaultDependencies= in [Quadlet]");
                break;
            }
        }
    }
}
