package dev.bosun.stdlib.compartments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compartment user's {@code storage.conf} and {@code containers.conf}, written as TOML by Jackson's TOML module
 * (strings escaped by the TOML rules, whatever a path holds). Podman reads the user's files from
 * {@code ~/.config/containers/}; keys as containers-storage.conf(5) and containers.conf(5) spell them.
 */
final class PodmanConfig {
    private static final TomlMapper TOML = new TomlMapper();

    private PodmanConfig() {
    }

    /**
     * {@code [storage]} with the graph root in the home (Podman's fallback without one is a directory under /tmp)
     * and the run root in the user's runtime directory; the FUSE helper only when asked for, since the kernel's
     * rootless overlay is faster (quadletman's pitfall 33 forces fuse-overlayfs whenever it is installed).
     */
    static String storage(PodmanSettings s, String home, long uid) {
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("driver", s.driver());
        storage.put("graphroot", home + "/.local/share/containers/storage");
        storage.put("runroot", "/run/user/" + uid + "/containers");
        if (s.mountProgram() != null) {
            storage.put("options", Map.of("overlay", Map.of("mount_program", s.mountProgram())));
        }
        return "# Written by Bosun for this compartment; compartments.apply rewrites it.\n" + toml(Map.of("storage", storage));
    }

    /** {@code [network]} default_rootless_network_cmd and, when asked for, {@code [engine]} runtime. */
    static String containers(PodmanSettings s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("network", Map.of("default_rootless_network_cmd", s.networkCmd()));
        if (s.runtime() != null) {
            root.put("engine", Map.of("runtime", s.runtime()));
        }
        return "# Written by Bosun for this compartment; compartments.apply rewrites it.\n" + toml(root);
    }

    /** Reads a TOML text back into maps (tests, and status checks of a hand-edited file). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String text) {
        try {
            return TOML.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new dev.bosun.api.BosunException("not valid TOML: " + e.getOriginalMessage());
        }
    }

    private static String toml(Map<String, Object> doc) {
        try {
            return TOML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("TOML writer failed on plain maps of strings", e);
        }
    }
}
