package dev.bosun.shell.plugins;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** install validates in isolation before copying; remove only touches the user plugin directory. */
class PluginInstallerTest {
    @Test
    void installsValidatedPluginAndRemovesIt(@TempDir Path tmp) throws IOException {
        Path build = Files.createDirectories(tmp.resolve("build"));
        Path zip = TestPlugins.build(build, "hello-1.0.0", TestPlugins.Spec.of("hello", "1.0.0", "*",
                Map.of("t.hello.HelloModule", TestPlugins.module("t.hello", "HelloModule", "hello", ""))));
        Path user = tmp.resolve("user");
        PluginInstaller installer = new PluginInstaller(user, List.of(user));
        try (LocalHostContext dry = LocalHostContext.open(Path.of("/"), true, tmp.resolve("s.db"), "test")) {
            installer.install(zip, dry);
            assertFalse(Files.exists(user), "dry-run must not create the plugin directory");
            assertTrue(dry.plan().changes().stream().anyMatch(c -> c.target().endsWith("hello.zip")));
        }
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, tmp.resolve("s.db"), "test")) {
            PluginInstaller.Installed r = installer.install(zip, ctx);
            assertEquals("hello", r.plugin().id());
            assertEquals(List.of("hello"), r.plugin().modules());
            assertTrue(Files.isRegularFile(user.resolve("hello.zip")));
            try (PluginSet set = PluginSet.loadFrom(List.of(user), dev.bosun.shell.ops.ModuleRegistry.withStdlib())) {
                assertEquals(PluginStatus.State.LOADED, set.status("hello").state());
            }
            List<Path> removed = installer.remove("hello", ctx);
            assertEquals(2, removed.size(), removed.toString()); // the zip and the directory PF4J unpacked it to
            assertFalse(Files.exists(user.resolve("hello.zip")));
            assertFalse(Files.exists(user.resolve("hello")));
        }
    }

    @Test
    void refusesBrokenPluginAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path build = Files.createDirectories(tmp.resolve("build"));
        Path zip = TestPlugins.build(build, "noindex", TestPlugins.Spec.of("noindex", "1.0.0", "*",
                Map.of("t.x.XModule", TestPlugins.module("t.x", "XModule", "xmod", ""))).withoutProcessor());
        Path user = tmp.resolve("user");
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, tmp.resolve("s.db"), "test")) {
            BosunException e = assertThrows(BosunException.class,
                    () -> new PluginInstaller(user, List.of(user)).install(zip, ctx));
            assertEquals("plugin noindex not installed: " + PluginInspector.NO_MODULES, e.getMessage());
            assertFalse(Files.exists(user));
            BosunException notZip = assertThrows(BosunException.class,
                    () -> new PluginInstaller(user, List.of(user)).install(tmp.resolve("nothing.txt"), ctx));
            assertTrue(notZip.getMessage().contains("not a plugin file"), notZip.getMessage());
        }
    }

    /**
     * Installing never runs the plugin, so a constructor that throws cannot be seen then: the plugin is
     * installed, and the shell reports it skipped, with the reason, when it loads it.
     */
    @Test
    void aConstructorFailureShowsWhenTheShellLoadsThePlugin(@TempDir Path tmp) throws IOException {
        Path build = Files.createDirectories(tmp.resolve("build"));
        Path zip = TestPlugins.build(build, "throws", TestPlugins.Spec.of("throws", "1.0.0", "*",
                Map.of("t.t.TModule", TestPlugins.module("t.t", "TModule", "tmod",
                        "public TModule() { throw new IllegalStateException(\"boom\"); }"))));
        Path user = tmp.resolve("user");
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, tmp.resolve("s.db"), "test")) {
            PluginInstaller.Installed r = new PluginInstaller(user, List.of(user)).install(zip, ctx);
            assertEquals(List.of("tmod"), r.plugin().modules());
        }
        try (PluginSet set = PluginSet.loadFrom(List.of(user), dev.bosun.shell.ops.ModuleRegistry.withStdlib())) {
            PluginStatus s = set.status("throws");
            assertEquals(PluginStatus.State.SKIPPED, s.state());
            assertEquals("module class t.t.TModule failed in its constructor: IllegalStateException: boom", s.reason());
        }
    }
}
