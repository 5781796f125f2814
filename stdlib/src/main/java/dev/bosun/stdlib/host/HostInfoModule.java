package dev.bosun.stdlib.host;

import dev.bosun.api.Command;
import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;
import dev.bosun.api.Module;
import dev.bosun.api.Op;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about the host that other modules and scripts decide on. */
@Module(name = "host", doc = "Facts about the host: kernel, distribution, privileges, init system and container tooling.")
public final class HostInfoModule implements dev.bosun.api.HostModule {
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");

    @Op(doc = "Kernel, distribution (from the root's etc/os-release), whether Bosun runs as root, whether systemd is "
            + "PID 1, and the versions of podman, its quadlet generator and docker when installed (null when absent).")
    public HostInfo info(HostContext ctx) {
        var fs = ctx.fs();
        Map<String, String> os = parseOsRelease(fs.readIfExists("/etc/os-release") != null
                ? fs.read("/etc/os-release") : fs.readIfExists("/usr/lib/os-release"));
        String kernel = firstLine(readLive("/proc/sys/kernel/osrelease"));
        String hostname = firstLine(readLive("/proc/sys/kernel/hostname"));
        boolean systemd = "systemd".equals(firstLine(readLive("/proc/1/comm")));
        return new HostInfo(kernel, System.getProperty("os.arch"), hostname,
                os.getOrDefault("PRETTY_NAME", os.get("NAME")), os.get("ID"), os.get("VERSION_ID"),
                ctx.caller().isRoot(), ctx.caller().user(), systemd, ctx.root().toString(), ctx.dryRun(),
                version(ctx, "podman", "--version"), version(ctx, "/usr/libexec/podman/quadlet", "-version"),
                version(ctx, "docker", "--version"));
    }

    /** Live kernel facts are read from this machine's /proc even under --root: the kernel is not in the root. */
    private static String readLive(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static Map<String, String> parseOsRelease(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text == null) {
            return m;
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0) {
                continue;
            }
            String v = line.substring(eq + 1).trim();
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            m.put(line.substring(0, eq).trim(), v);
        }
        return m;
    }

    private static String version(HostContext ctx, String program, String flag) {
        if (!ctx.exec().available(program)) {
            return null;
        }
        ExecResult r = ctx.exec().run(Command.of(program, flag).readOnly().unchecked()
                .withTimeout(java.time.Duration.ofSeconds(10)));
        Matcher m = VERSION.matcher(r.stdout() + " " + r.stderr());
        return r.ok() && m.find() ? m.group(1) : null;
    }

    private static String firstLine(String s) {
        return s == null ? null : s.strip().lines().findFirst().orElse(null);
    }

    /** What {@code host.info()} returns. */
    public record HostInfo(
            @Doc("running kernel release") String kernel,
            @Doc("CPU architecture as the JVM names it") String arch,
            @Doc("host name") String hostname,
            @Doc("distribution, from the root's os-release PRETTY_NAME") String distro,
            @Doc("os-release ID, e.g. debian") String distroId,
            @Doc("os-release VERSION_ID") String distroVersion,
            @Doc("true when Bosun runs with effective uid 0") boolean root,
            @Doc("the user running Bosun") String user,
            @Doc("true when systemd is PID 1 on this machine") boolean systemd,
            @Doc("the host root Bosun works on (/ or --root)") String hostRoot,
            @Doc("true under --dry-run") boolean dryRun,
            @Doc("podman version, or null when not installed") @Nullable String podman,
            @Doc("quadlet generator version, or null") @Nullable String quadlet,
            @Doc("docker version, or null") @Nullable String docker) {
    }
}
