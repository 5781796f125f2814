package dev.bosun.stdlib.quadlet.check;

import dev.bosun.stdlib.quadlet.KeyInfo;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.spec.Uint32;
import dev.bosun.stdlib.quadlet.unit.UnitEntry;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.WordSplitter;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bosun's own checks, for mistakes Podman's generator lets through silently (the unit is generated, but
 * does not do what was meant): values Podman reads differently from what was written (a boolean that is
 * not one, a word list that does not split, a number out of range), deprecated keys, and systemd settings
 * that tools like quadletman get wrong (Restart=unless-stopped, MemoryLimit=, CPUQuota= without %,
 * DefaultDependencies= in [Unit], DNS=true on a network, x.service for the service of x.build).
 */
final class BosunRules {
    private static final Set<String> BOOL_WORDS = Set.of("1", "yes", "true", "on", "0", "no", "false", "off");
    private static final Set<String> RESTART = Set.of("no", "on-success", "on-failure", "on-abnormal", "on-watchdog",
            "on-abort", "always");
    private static final List<String> DEPENDENCY_KEYS = List.of("After", "Before", "BindsTo", "Conflicts", "OnFailure",
            "OnSuccess", "PartOf", "PropagatesReloadTo", "PropagatesStopTo", "ReloadPropagatedFrom", "Requires",
            "Requisite", "StopPropagatedFrom", "Upholds", "Wants");

    private BosunRules() {
    }

    static void check(UnitFile f, UnitType type, Map<String, KeyInfo> keys, Set<String> units, Findings out) {
        valueKinds(f, type, keys, out);
        service(f, out);
        if (type == UnitType.NETWORK) {
            for (UnitEntry dns : f.lookupAllEntries(type.section(), "DNS")) {
                String v = dns.value().strip().toLowerCase(Locale.ROOT);
                if (List.of("true", "false", "yes", "no", "on", "off").contains(v)) {
                    out.bosunError("DNS", dns.line(), "DNS=" + dns.value() + " is not a DNS server address (DNS= takes "
                            + "an IP address; use DisableDNS= to switch DNS off)");
                }
            }
        }
        if (units != null) {
            buildServiceNames(f, units, out);
        }
    }

    /** Values Podman reads differently from what the writer probably meant; deprecated keys. */
    private static void valueKinds(UnitFile f, UnitType type, Map<String, KeyInfo> keys, Findings out) {
        String g = type.section();
        Set<String> seen = new HashSet<>();
        for (UnitEntry e : f.entries(g)) {
            KeyInfo info = keys.get(e.key());
            if (info == null || !seen.add(e.key())) {
                continue;
            }
            String k = info.name();
            if (info.deprecated()) {
                out.bosunWarning(k, e.line(), "key " + k + " in group '" + g + "' is deprecated");
            }
            switch (info.kind()) {
                case BOOL -> f.lastEntry(g, k).ifPresent(last -> {
                    String val = UnitFile.unquoteString(last.value());
                    if (!BOOL_WORDS.contains(val.toLowerCase(Locale.ROOT))) {
                        out.bosunWarning(k, last.line(), k + "=" + val + " is not a boolean; Podman reads it as false");
                    }
                });
                case UINT32 -> f.lastEntry(g, k).ifPresent(last -> {
                    String val = UnitFile.unquoteString(last.value());
                    if (!val.isEmpty() && Uint32.parse(val) == null) {
                        out.bosunWarning(k, last.line(), k + "=" + val + " is not a number from 0 to 4294967295; "
                                + "Podman reads it as 0");
                    }
                });
                case MULTI_STRV -> split(f, g, k, WordSplitter.STRV, "Podman ignores this value", out);
                case MULTI_ARGS -> split(f, g, k, WordSplitter.ARGS, "Podman silently drops this entry", out);
                default -> {
                    // keyval and last-args keys: Podman's generator warns itself
                }
            }
        }
    }

    private static void split(UnitFile f, String g, String k, WordSplitter splitter, String consequence, Findings out) {
        for (UnitEntry e : f.lookupAllEntries(g, k)) {
            try {
                splitter.split(e.value());
            } catch (WordSplitter.SplitException ex) {
                out.bosunWarning(k, e.line(), k + "=" + e.value() + ": " + ex.getMessage() + "; " + consequence);
            }
        }
    }

    private static void service(UnitFile f, Findings out) {
        f.lastEntry("Service", "Restart").ifPresent(e -> {
            if (!e.value().isEmpty() && !RESTART.contains(e.value())) {
                out.bosunError("Restart", e.line(), "Restart=" + e.value() + " is not a systemd value (use no, on-success, "
                        + "on-failure, on-abnormal, on-watchdog, on-abort or always)");
            }
        });
        f.lastEntry("Service", "MemoryLimit").ifPresent(e -> out.bosunWarning("MemoryLimit", e.line(),
                "MemoryLimit= is the deprecated cgroup v1 setting; use MemoryMax="));
        f.lastEntry("Service", "CPUQuota").ifPresent(e -> {
            if (!e.value().isEmpty() && !e.value().endsWith("%")) {
                out.bosunError("CPUQuota", e.line(), "CPUQuota=" + e.value() + " needs a percentage such as 50%");
            }
        });
        for (UnitEntry e : f.entries("Unit")) {
            if (e.key().equals("DefaultDependencies")) {
                out.bosunWarning("DefaultDependencies", e.line(), "DefaultDependencies= in [Unit] is systemd's own "
                        + "setting; Quadlet's network dependency switch is DefaultDependencies= in [Quadlet]");
                break;
            }
        }
    }

    /** {@code Requires=x.service} where x is a .build: its service is x-build.service. */
    private static void buildServiceNames(UnitFile f, Set<String> units, Findings out) {
        for (String k : DEPENDENCY_KEYS) {
            for (UnitEntry e : f.lookupAllEntries("Unit", k)) {
                List<String> deps;
                try {
                    deps = WordSplitter.STRV.split(e.value());
                } catch (WordSplitter.SplitException ex) {
                    continue;
                }
                for (String dep : deps) {
                    if (!dep.endsWith(".service")) {
                        continue;
                    }
                    String base = dep.substring(0, dep.length() - ".service".length());
                    if (units.contains(base + ".build") && !units.contains(base + ".container") && !units.contains(base + ".kube")) {
                        out.bosunWarning(k, e.line(), dep + " is not generated by Quadlet: the service of " + base
                                + ".build is " + base + "-build.service (write " + base + ".build to let Quadlet translate it)");
                    }
                }
            }
        }
    }
}
