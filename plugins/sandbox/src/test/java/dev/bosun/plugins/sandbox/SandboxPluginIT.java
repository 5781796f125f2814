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

    /**
     * The plugin uses bosun-stdlib (the quadlet builders) but must not carry it: the shell provides it, and the
     * shell's load-time check (BundledClasses) only refuses bundled dev.bosun.api, PF4J and GraalJS.
     */
    @Test
    void zipCarriesOnlyThePluginItself() throws IOException {
        Path zip = Path.of(System.getProperty("bosun.plugin.zip"));
        List<String> entries;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            entries = z.stream().map(java.util.zip.ZipEntry::getName).filter(n -> !n.endsWith("/")).sorted().toList();
        }
        assertEquals(List.of("lib/bosun-sandbox-0.1.0.jar", "plugin.properties"), entries);
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(zip.resolveSibling("bosun-sandbox-0.1.0.jar").toFile())) {
            List<String> foreign = jar.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("dev/bosun/plugins/sandbox/")).toList();
            assertEquals(List.of(), foreign);
        }
    }

    /** Called through the real shell (a separate JVM, bosun -e): the plugin's unit comes from the host's stdlib classes. */
    @Test
    void specRendersTheUnitWithTheHostsStdlib(@TempDir Path tmp) throws Exception {
        Path zip = Path.of(System.getProperty("bosun.plugin.zip"));
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(zip, plugins.resolve(zip.getFileName()));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"),
                "dev.bosun.shell.cli.Main", "--plugins", plugins.toString(), "--state", tmp.resolve("state.db").toString(),
                "-e", "sandbox.spec({image: 'docker.io/library/alpine:3', name: 'box'}).unit");
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals("""
                [Unit]
                Description=Bosun sandbox box

                [Container]
                ContainerName=box
                DropCapability=ALL
                Image=docker.io/library/alpine:3
                Network=none
                ReadOnly=true
                ReadOnlyTmpfs=false

                """, out, err);
    }
}
