package dev.bosun.shell.attack;

import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.plugins.PluginInstaller;
import dev.bosun.shell.plugins.PluginSet;
import dev.bosun.shell.plugins.ShellRun;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bosun -n plugins install evil.zip} used to load the plugin in a throw-away PF4J manager to validate
 * it: the plugin's static initialisers and constructors ran as root while the plan said nothing changed.
 * Installing (and removing) now reads the plugin's files and never defines one of its classes.
 */
@Tag("attack")
class PluginInspectionAttackTest {
    @TempDir
    Path tmp;

    @Test
    void dryRunInstallRunsNoPluginCodeAndChangesNothing() throws IOException {
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        Path build = Files.createDirectories(tmp.resolve("build"));
        Path zip = EvilPlugin.build(build, "evil", EvilPlugin.descriptor("evil"), markers);
        Path userDir = PluginSet.userDirectory();
        Map<String, String> userBefore = TreeDigest.of(userDir);
        Map<String, String> buildBefore = TreeDigest.of(build);

        ShellRun r = ShellRun.of("-n", "--state", tmp.resolve("state.db").toString(), "plugins", "install", zip.toString());

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Plan (dry-run"), r.out());
        assertTrue(r.out().contains(userDir.resolve("evil.zip").toString()), r.out());
        assertNoMarkers(markers);
        assertEquals(userBefore, TreeDigest.of(userDir), "the user plugin directory changed under -n");
        assertEquals(buildBefore, TreeDigest.of(build), "the zip was unpacked or changed");
        assertFalse(Files.exists(tmp.resolve("state.db")), "a dry-run install created the state database");
    }

    @Test
    void realInstallAndRemoveRunNoPluginCode() throws Exception {
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        Path build = Files.createDirectories(tmp.resolve("build"));
        Path zip = EvilPlugin.build(build, "evil", EvilPlugin.descriptor("evil"), markers);
        Path xdg = Files.createDirectories(tmp.resolve("xdg"));
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString());

        CliProcess install = CliProcess.run(env, "--state", tmp.resolve("state.db").toString(), "plugins", "install",
                zip.toString());
        assertEquals(0, install.status(), install.err());
        Path installed = xdg.resolve("bosun/plugins/evil.zip");
        assertEquals("installed evil 1.0.0 (modules: evil) as " + installed, install.out().strip());
        assertTrue(Files.isRegularFile(installed));
        assertNoMarkers(markers);

        CliProcess remove = CliProcess.run(env, "--state", tmp.resolve("state.db").toString(), "plugins", "remove", "evil");
        assertEquals(0, remove.status(), remove.err());
        assertFalse(Files.exists(installed));
        assertNoMarkers(markers);
    }

    @Test
    void replacingAnInstalledPluginRunsNeitherCopy() throws IOException {
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        Path build = Files.createDirectories(tmp.resolve("build"));
        Path zip = EvilPlugin.build(build, "evil", EvilPlugin.descriptor("evil"), markers);
        Path user = tmp.resolve("user");
        PluginInstaller installer = new PluginInstaller(user, List.of(user));
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, tmp.resolve("s.db"), "test")) {
            installer.install(zip, ctx);
            PluginInstaller.Installed again = installer.install(zip, ctx);
            assertEquals(List.of(user.resolve("evil.zip")), again.replaced());
            installer.remove("evil", ctx);
        }
        assertNoMarkers(markers);
    }

    /** The markers are real: the same plugin, loaded by the shell from a trusted directory, does run. */
    @Test
    void theMarkersShowWhenThePluginIsLoaded() throws IOException {
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        Path root = Files.createDirectories(tmp.resolve("plugins"));
        EvilPlugin.build(root, "evil", EvilPlugin.descriptor("evil"), markers);
        try (PluginSet set = PluginSet.loadFrom(List.of(root), ModuleRegistry.withStdlib())) {
            assertEquals("evil", set.registry().module("evil").origin());
        }
        for (String m : EvilPlugin.MARKERS) {
            assertTrue(Files.exists(markers.resolve(m)), m + " was not written: the marker plugin does not work");
        }
    }

    static void assertNoMarkers(Path markers) throws IOException {
        try (var s = Files.list(markers)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).toList(), "plugin code ran");
        }
    }
}
