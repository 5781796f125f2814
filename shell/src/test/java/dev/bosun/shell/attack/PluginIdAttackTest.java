package dev.bosun.shell.attack;

import dev.bosun.api.BosunException;
import dev.bosun.shell.plugins.PluginInstaller;
import dev.bosun.shell.plugins.ShellRun;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin id used to be joined to the user plugin directory as it was ({@code userDir.resolve(id)}), so a
 * descriptor saying {@code plugin.id=/etc/cron.d/x} or {@code ../../x} wrote the zip anywhere, and
 * {@code plugins remove ../../x} deleted anywhere. Ids are names now ({@code [a-z0-9][a-z0-9._-]{0,63}}),
 * checked where they are read; a refused id is named, escaped and bounded, in one line, and nothing is written.
 */
@Tag("attack")
class PluginIdAttackTest {
    private static final String RULE = "must match [a-z0-9][a-z0-9._-]{0,63}";

    @TempDir
    Path tmp;

    @Test
    void aDescriptorIdThatIsNotANameIsNeverUsedAsAPath() throws IOException {
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Files.writeString(victim.resolve("keep"), "victim\n");
        Path user = tmp.resolve("area/user");
        // What each hostile id is written as in plugin.properties (java.util.Properties escapes), and how it is shown.
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        ids.put(victim.resolve("evil").toString(), "\"" + victim.resolve("evil") + "\"");
        ids.put("../../victim/evil", "\"../../victim/evil\"");
        ids.put("a/b", "\"a/b\"");
        ids.put("..", "\"..\"");
        ids.put("Evil", "\"Evil\"");
        ids.put("evil\\u0000x", "\"evil\\u0000x\"");
        ids.put("evil\\nid", "\"evil\\u000aid\"");
        ids.put("\\u202eevil", "\"\\u202eevil\"");
        ids.put("ev\\u200bil", "\"ev\\u200bil\"");
        Map<String, String> before = TreeDigest.of(tmp);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            Path build = Files.createDirectories(tmp.resolve("build-" + Integer.toHexString(id.getKey().hashCode())));
            Path zip = EvilPlugin.build(build, "evil", EvilPlugin.descriptor(id.getKey()), tmp.resolve("markers"));
            BosunException e = refusedInstall(user, zip);
            assertEquals(zip + ": not a plugin: plugin id " + id.getValue() + " (descriptor of evil.zip) " + RULE
                    + ": an id is a file name in the plugin directory", e.getMessage());
            Files.walk(build).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertEquals(before, TreeDigest.of(tmp), "something outside the build directories changed");
        assertFalse(Files.exists(user));
    }

    @Test
    void aHugeIdIsQuotedBounded() throws IOException {
        Path user = tmp.resolve("user");
        String id = "a".repeat(10_000);
        Path zip = EvilPlugin.build(Files.createDirectories(tmp.resolve("build")), "evil", EvilPlugin.descriptor(id),
                tmp.resolve("markers"));
        BosunException e = refusedInstall(user, zip);
        assertTrue(e.getMessage().contains("\"" + "a".repeat(64) + "\"… (10000 characters) (descriptor of evil.zip) " + RULE),
                e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " characters");
        assertFalse(Files.exists(user));
    }

    @Test
    void aManifestIdIsCheckedTheSameWay() throws IOException {
        Path user = tmp.resolve("user");
        Path jar = tmp.resolve("evil.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Plugin-Id", "../../../etc/cron.d/evil");
        mf.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.putNextEntry(new java.util.zip.ZipEntry("t/Nothing.txt"));
            j.write("x".getBytes(StandardCharsets.UTF_8));
        }
        BosunException e = refusedInstall(user, jar);
        assertEquals(jar + ": not a plugin: plugin id \"../../../etc/cron.d/evil\" (descriptor of evil.jar) " + RULE
                + ": an id is a file name in the plugin directory", e.getMessage());
        assertFalse(Files.exists(user));
    }

    @Test
    void removeTakesOnlyAName() throws IOException {
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Files.writeString(victim.resolve("evil.zip"), "not a plugin, a victim\n");
        Path user = Files.createDirectories(tmp.resolve("area/user"));
        Map<String, String> before = TreeDigest.of(tmp);
        PluginInstaller installer = new PluginInstaller(user, List.of(user));
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, tmp.resolve("s.db"), "test")) {
            for (String id : List.of("../../victim/evil", victim.resolve("evil").toString(), "", "a\u0000b", "x/..")) {
                BosunException e = assertThrows(BosunException.class, () -> installer.remove(id, ctx));
                assertTrue(e.getMessage().startsWith("plugin id "), e.getMessage());
                assertTrue(e.getMessage().contains("(plugins remove)") && e.getMessage().contains(RULE.substring(11)),
                        e.getMessage());
                assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\0"), e.getMessage());
            }
        }
        assertEquals(before, TreeDigest.of(tmp));
    }

    @Test
    void theCommandLineSaysItInOneLine() {
        ShellRun r = ShellRun.of("--state", tmp.resolve("s.db").toString(), "plugins", "remove", "/etc/passwd");
        assertEquals(1, r.status());
        assertEquals("bosun: plugins.remove: plugin id \"/etc/passwd\" (plugins remove) " + RULE + ": an id is a file name in the plugin "
                + "directory", r.err().strip());
        assertFalse(Files.exists(tmp.resolve("s.db")));
    }

    private static BosunException refusedInstall(Path user, Path zip) {
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, user.resolveSibling("s.db"), "test")) {
            BosunException e = assertThrows(BosunException.class, () -> new PluginInstaller(user, List.of(user)).install(zip, ctx));
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r") || e.getMessage().contains("\0"),
                    e.getMessage());
            return e;
        }
    }
}
