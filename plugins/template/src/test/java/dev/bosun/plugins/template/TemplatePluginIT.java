package dev.bosun.plugins.template;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Loads the zip this build produced through Bosun's real plugin loader (PF4J underneath), exactly as
 * `bosun plugins install` and the shell do: the plugin must start and contribute its module.
 * Runs in the integration-test phase, after the zip exists. Keep this test when you copy the template.
 */
class TemplatePluginIT {
    @Test
    void builtZipLoadsWithItsModule(@TempDir Path tmp) throws IOException {
        Path zip = Path.of(System.getProperty("bosun.plugin.zip"));
        Files.copy(zip, tmp.resolve(zip.getFileName()));
        try (PluginSet set = PluginSet.loadFrom(List.of(tmp), ModuleRegistry.withStdlib())) {
            assertEquals(1, set.statuses().size(), set.statuses().toString());
            PluginStatus s = set.statuses().getFirst();
            assertEquals(PluginStatus.State.LOADED, s.state(), s.reason());
            assertEquals(List.of("template"), s.modules());
            var module = set.registry().module("template");
            assertNotNull(module);
            assertNotNull(module.op("count"));
            assertNotNull(module.op("mark"));
        }
    }
}
