package dev.bosun.plugins.sandbox;

import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.plugins.PluginSet;
import dev.bosun.shell.plugins.PluginStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The built sandbox zip loads through the shell's PF4J loader with its module and both operations. */
class SandboxPluginIT {
    @Test
    void builtZipLoads(@TempDir Path tmp) throws IOException {
        Path zip = Path.of(System.getProperty("bosun.plugin.zip"));
        Files.copy(zip, tmp.resolve(zip.getFileName()));
        try (PluginSet set = PluginSet.loadFrom(List.of(tmp), ModuleRegistry.withStdlib())) {
            PluginStatus s = set.status("sandbox");
            assertEquals(PluginStatus.State.LOADED, s.state(), s.reason());
            assertEquals(List.of("runtime", "spec"),
                    set.registry().module("sandbox").ops().stream().map(o -> o.name()).toList());
        }
    }
}
