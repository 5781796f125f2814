package dev.bosun.stdlib.quadlet;

import dev.bosun.api.BosunException;
import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;
import dev.bosun.stdlib.quadlet.generate.QuadletGenerator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/** The Podman version units are generated and validated for: the one asked for, else the installed one, else the newest Bosun knows. */
public final class PodmanDiscovery {
    /** Where Podman packages install the generator (the binary, and systemd's link to it). */
    static final List<String> GENERATOR_PATHS = List.of("/usr/libexec/podman/quadlet",
            "/usr/lib/systemd/system-generators/podman-system-generator");

    /**
     * The installed version per session, keyed by the session's {@link dev.bosun.api.Exec} (one per host context):
     * {@code podman --version} costs a process start (~30 ms), and a script validating or installing many units asks
     * once per call. A session is short-lived; a Podman upgraded in the middle of one is seen by the next.
     */
    private static final Map<Object, Optional<PodmanVersion>> INSTALLED = new WeakHashMap<>();

    private PodmanDiscovery() {
    }

    public static PodmanVersion target(HostContext ctx, String requested) {
        if (requested != null) {
            return PodmanVersion.parse("podman", requested);
        }
        PodmanVersion installed = installed(ctx);
        return installed != null ? installed : PodmanVersion.NEWEST;
    }

    /**
     * The release to generate for; an error when that Podman has no generator: below 4.4, or (when no version was
     * asked for) a host whose Podman package lacks it. Either way the units would never be read.
     */
    public static PodmanVersion generatorTarget(HostContext ctx, String requested) {
        PodmanVersion installed = requested == null ? installed(ctx) : null;
        PodmanVersion v = requested != null ? PodmanVersion.parse("podman", requested)
                : installed != null ? installed : PodmanVersion.NEWEST;
        if (v.compareTo(QuadletGenerator.FIRST_RELEASE) < 0) {
            throw new BosunException("Podman " + v.shortText() + (installed != null ? " on this host" : "")
                    + " has no Quadlet generator (it came with Podman " + QuadletGenerator.FIRST_RELEASE.shortText()
                    + "): the units would never be read");
        }
        if (installed != null && GENERATOR_PATHS.stream().noneMatch(p -> ctx.fs().exists(p))) {
            throw new BosunException("Podman " + installed.shortText() + " on this host has no Quadlet generator (none of "
                    + String.join(", ", GENERATOR_PATHS) + " exists): the units would never be read");
        }
        return v;
    }

    /** The installed podman's version, or null when there is none (or it says something unreadable). */
    private static PodmanVersion installed(HostContext ctx) {
        Object session = ctx.exec();
        synchronized (INSTALLED) {
            Optional<PodmanVersion> known = INSTALLED.get(session);
            if (known != null) {
                return known.orElse(null);
            }
        }
        PodmanVersion v = ask(ctx);
        synchronized (INSTALLED) {
            INSTALLED.put(session, Optional.ofNullable(v));
        }
        return v;
    }

    private static PodmanVersion ask(HostContext ctx) {
        if (!ctx.exec().available("podman")) {
            return null;
        }
        ExecResult r = ctx.exec().run(Command.of("podman", "--version").readOnly().unchecked());
        if (!r.ok()) {
            return null;
        }
        try {
            return PodmanVersion.parse("podman", r.stdout().strip());
        } catch (RuntimeException e) {
            return null; // an unrecognised version string is no reason to fail
        }
    }
}
