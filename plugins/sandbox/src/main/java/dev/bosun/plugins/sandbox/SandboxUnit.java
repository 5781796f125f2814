package dev.bosun.plugins.sandbox;

import dev.bosun.api.HostContext;
import dev.bosun.stdlib.quadlet.QuadletModule;
import dev.bosun.stdlib.quadlet.QuadletUnit;
import dev.bosun.stdlib.quadlet.spec.ContainerSpec;
import dev.bosun.stdlib.quadlet.spec.SpecCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Quadlet {@code .container} unit equivalent to {@link RunArgv}, built with the stdlib's typed
 * {@link ContainerSpec} and rendered by its writer, so escaping and key order are the quadlet module's.
 * Memory and CPU go through PodmanArgs because Quadlet's Memory= key is newer than Podman 5.4.
 */
final class SandboxUnit {
    /** The unit name when the sandbox has no container name; it names the file, it is not in the text. */
    static final String DEFAULT_NAME = "sandbox";

    private SandboxUnit() {
    }

    static ContainerSpec spec(SandboxSpec s) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", s.name() != null ? s.name() : DEFAULT_NAME);
        c.put("unit", Map.of("Description", "Bosun sandbox " + (s.name() != null ? s.name() : s.image())));
        c.put("image", s.image());
        c.put("containerName", s.name());
        c.put("network", List.of(s.network()));
        if (s.readOnly()) {
            c.put("readOnly", true);
            c.put("readOnlyTmpfs", false); // the same writable paths as docker: exactly the tmpfs list
        }
        c.put("tmpfs", nullIfEmpty(s.tmpfs()));
        c.put("dropCapability", s.capDrops());
        c.put("addCapability", nullIfEmpty(s.capAdd()));
        c.put("addDevice", nullIfEmpty(s.devices()));
        c.put("volume", nullIfEmpty(s.volumes()));
        c.put("environment", s.env().isEmpty() ? null : s.env());
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
        c.put("podmanArgs", nullIfEmpty(podmanArgs));
        c.put("exec", nullIfEmpty(s.command()));
        if (s.timeoutSeconds() != null) {
            c.put("service", Map.of("RuntimeMaxSec", Integer.toString(s.timeoutSeconds())));
        }
        return SpecCodec.build(ContainerSpec.class, c);
    }

    /** The unit as {@code quadlet.container(...)} makes it; the text is what {@code quadlet.render} writes. */
    static QuadletUnit unit(HostContext ctx, SandboxSpec s) {
        return new QuadletModule().container(ctx, spec(s));
    }

    private static List<String> nullIfEmpty(List<String> l) {
        return l.isEmpty() ? null : l;
    }
}
