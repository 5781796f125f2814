package dev.bosun.plugins.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Quadlet {@code .container} unit equivalent to {@link RunArgv}. Temporary: the stdlib quadlet
 * builders (dev.bosun.stdlib.quadlet, being written on the quadlet branch) are not in main yet; once
 * they are, this renders through their ContainerSpec/UnitWriter and is validated by their validator.
 * Memory and CPU go through PodmanArgs because Quadlet's Memory= key is newer than Podman 5.4.
 */
final class ContainerUnitText {
    private ContainerUnitText() {
    }

    static String of(SandboxSpec s) {
        StringBuilder u = new StringBuilder();
        u.append("[Unit]\n");
        u.append("Description=Bosun sandbox ").append(s.name() != null ? s.name() : s.image()).append('\n');
        u.append("\n[Container]\n");
        line(u, "Image", s.image());
        if (s.name() != null) {
            line(u, "ContainerName", s.name());
        }
        line(u, "Network", s.network());
        if (s.readOnly()) {
            line(u, "ReadOnly", "true");
            line(u, "ReadOnlyTmpfs", "false");
        }
        for (String t : s.tmpfs()) {
            line(u, "Tmpfs", t);
        }
        line(u, "DropCapability", String.join(" ", s.capDrops()));
        if (!s.capAdd().isEmpty()) {
            line(u, "AddCapability", String.join(" ", s.capAdd()));
        }
        for (String d : s.devices()) {
            line(u, "AddDevice", d);
        }
        for (String v : s.volumes()) {
            line(u, "Volume", v);
        }
        for (Map.Entry<String, String> e : s.env().entrySet()) {
            line(u, "Environment", quote(e.getKey() + "=" + e.getValue()));
        }
        List<String> podmanArgs = new ArrayList<>();
        if (s.privileged()) {
            podmanArgs.add("--privileged");
        }
        if (s.memory() != null) {
            podmanArgs.add("--memory=" + s.memory());
        }
        if (s.cpus() != null) {
            podmanArgs.add("--cpus=" + RunArgv.cpus(s.cpus()));
        }
        if (s.ociRuntime() != null) {
            podmanArgs.add("--runtime=" + s.ociRuntime());
        }
        if (!podmanArgs.isEmpty()) {
            line(u, "PodmanArgs", String.join(" ", podmanArgs));
        }
        if (!s.command().isEmpty()) {
            line(u, "Exec", String.join(" ", s.command().stream().map(ContainerUnitText::quote).toList()));
        }
        if (s.timeoutSeconds() != null) {
            u.append("\n[Service]\n");
            line(u, "RuntimeMaxSec", Integer.toString(s.timeoutSeconds()));
        }
        return u.toString();
    }

    private static void line(StringBuilder u, String key, String value) {
        u.append(key).append('=').append(value).append('\n');
    }

    /** systemd word quoting: words with white space, quotes, backslashes or % go in double quotes. */
    static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\''
                || c == '\\' || c == '%' || c == '$')) {
            return word;
        }
        return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%").replace("$", "$$") + '"';
    }
}
