package dev.bosun.plugins.sandbox;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a sandboxed run needs. Defaults are the locked-down ones of the ISO-builder sandbox
 * (sandbox.md): no network, read-only root, all capabilities dropped. Every value is checked here,
 * so a bad one never reaches an argv or a unit file.
 */
@Doc("A locked-down container run.")
public record SandboxSpec(
        @Doc("image reference, e.g. ghcr.io/archlinux/archlinux:latest") String image,
        @Doc("container name (default: none, the runtime picks one)") @Optional String name,
        @Doc("network mode: none (default), host, private, or a network name") @Optional String network,
        @Doc("read-only root filesystem (default true)") @Optional Boolean readOnly,
        @Doc("writable tmpfs mounts, PATH[:OPTIONS], e.g. /tmp:exec,mode=1777") @Optional List<String> tmpfs,
        @Doc("capabilities to drop: ALL (default) or names, comma separated") @Optional String capDrop,
        @Doc("capabilities to add back, e.g. [\"SYS_ADMIN\", \"MKNOD\"]") @Optional List<String> capAdd,
        @Doc("give the container all capabilities and devices (voids capDrop; default false)") @Optional Boolean privileged,
        @Doc("host devices to pass, e.g. /dev/loop-control") @Optional List<String> devices,
        @Doc("bind mounts HOST:CONTAINER[:ro|rw], host paths absolute") @Optional List<String> volumes,
        @Doc("memory limit, e.g. 8g") @Optional String memory,
        @Doc("CPU limit, e.g. 4 or 1.5") @Optional Double cpus,
        @Doc("environment variables") @Optional Map<String, String> env,
        @Doc("hard time limit in seconds (the unit's RuntimeMaxSec; for argv: kill the container after it)") @Optional Integer timeoutSeconds,
        @Doc("OCI runtime, e.g. runsc for gVisor (Docker: must be registered)") @Optional String ociRuntime,
        @Doc("command and arguments (default: the image's)") @Optional List<String> command) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-z0-9._/:@-]{0,254}");
    private static final Pattern NETWORK = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");
    private static final Pattern CAP = Pattern.compile("(CAP_)?[A-Z_]{2,32}");
    private static final Pattern TMPFS = Pattern.compile("/[^:\\s]*(:[a-z0-9=,]+)?");
    private static final Pattern VOLUME = Pattern.compile("/[^:\\s]*:/[^:\\s]*(:(ro|rw|z|Z|ro,z|ro,Z))?");
    private static final Pattern DEVICE = Pattern.compile("/dev/[^:\\s]+(:/dev/[^:\\s]+)?(:[rwm]{1,3})?");
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]{0,12}[bkmg]?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public SandboxSpec {
        Check.matches("image", image, IMAGE, "an image reference like registry/name:tag");
        if (name != null) {
            Check.matches("name", name, NAME, "[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");
        }
        network = network == null ? "none" : Check.matches("network", network, NETWORK, "none, host, private or a network name");
        readOnly = readOnly == null || readOnly;
        privileged = privileged != null && privileged;
        tmpfs = each("tmpfs", tmpfs, TMPFS, "PATH[:OPTIONS] with an absolute path, e.g. /tmp:exec,mode=1777");
        capDrop = capDrop == null ? "ALL" : capDrop.strip();
        for (String c : capDrop.split(",")) {
            if (!c.strip().equals("ALL")) {
                Check.matches("capDrop", c.strip(), CAP, "ALL or capability names like NET_RAW");
            }
        }
        capAdd = each("capAdd", capAdd, CAP, "capability names like SYS_ADMIN");
        devices = each("devices", devices, DEVICE, "/dev/NAME[:/dev/NAME][:rwm]");
        volumes = each("volumes", volumes, VOLUME, "HOST:CONTAINER[:ro|rw] with absolute paths");
        if (memory != null) {
            Check.matches("memory", memory, MEMORY, "a size like 512m or 8g");
        }
        if (cpus != null && !(cpus > 0 && cpus <= 1024)) {
            throw new InvalidValueException("cpus", cpus + " must be more than 0 and at most 1024");
        }
        Map<String, String> e = new LinkedHashMap<>();
        if (env != null) {
            for (Map.Entry<String, String> en : env.entrySet()) {
                Check.matches("env", en.getKey(), ENV_NAME, "variable names like SOURCE_DATE_EPOCH");
                Check.singleLine("env." + en.getKey(), Check.present("env." + en.getKey(), en.getValue()));
                e.put(en.getKey(), en.getValue());
            }
        }
        env = java.util.Collections.unmodifiableMap(e);
        if (timeoutSeconds != null) {
            Check.range("timeoutSeconds", timeoutSeconds, 1, 7 * 24 * 3600);
        }
        if (ociRuntime != null) {
            Check.matches("ociRuntime", ociRuntime, NAME, "a runtime name like runsc or crun");
        }
        command = command == null ? List.of() : List.copyOf(command);
        for (String arg : command) {
            Check.singleLine("command", arg);
        }
    }

    private static List<String> each(String param, List<String> values, Pattern p, String rule) {
        if (values == null) {
            return List.of();
        }
        for (String v : values) {
            Check.matches(param, v, p, rule);
        }
        return List.copyOf(values);
    }

    /** The capabilities dropped, as the runtimes spell them. */
    List<String> capDrops() {
        return java.util.Arrays.stream(capDrop.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
