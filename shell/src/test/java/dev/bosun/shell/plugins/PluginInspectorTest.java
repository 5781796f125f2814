package dev.bosun.shell.plugins;

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

/** What the inspector reads from a plugin's files alone, and each reason it refuses one for. */
class PluginInspectorTest {
    @TempDir
    Path tmp;

    @Test
    void readsDescriptorModulesAndOperationsFromTheFiles() throws IOException {
        InspectedPlugin p = inspect(TestPlugins.Spec.of("hello", "1.2.3", ">=0.1.0",
                Map.of("t.hello.HelloModule", TestPlugins.module("t.hello", "HelloModule", "hello", ""))));
        assertEquals("hello", p.id());
        assertEquals("1.2.3", p.version());
        assertEquals(">=0.1.0", p.requires());
        assertEquals("test plugin hello", p.description());
        InspectedPlugin.Module m = p.declared().getFirst();
        assertEquals("t.hello.HelloModule", m.className());
        assertEquals("Test plugin module hello.", m.doc());
        assertEquals(List.of(new InspectedPlugin.Op("greet", "Says hello to someone.", false),
                new InspectedPlugin.Op("mark", "Writes a marker file; changed is false when it was there.", true)),
                m.ops().stream().sorted(java.util.Comparator.comparing(InspectedPlugin.Op::name)).toList());
    }

    @Test
    void eachRefusalSaysWhyInOneLine() throws IOException {
        String mod = TestPlugins.module("t.m", "MModule", "mmod", "");
        assertRefused(TestPlugins.Spec.of("old", "1.0.0", ">=99.0.0", Map.of("t.m.MModule", mod)),
                "plugin old: requires Bosun API >=99.0.0, this Bosun provides");
        assertRefused(TestPlugins.Spec.of("bad", "banana", "*", Map.of("t.m.MModule", mod)),
                "plugin bad: version \"banana\" is not a semantic version (MAJOR.MINOR.PATCH)");
        assertRefused(TestPlugins.Spec.of("req", "1.0.0", "soon", Map.of("t.m.MModule", mod)),
                "plugin req: requires \"soon\" is not a version constraint");
        assertRefused(TestPlugins.Spec.of("noidx", "1.0.0", "*", Map.of("t.m.MModule", mod)).withoutProcessor(),
                "plugin noidx: " + PluginInspector.NO_MODULES);
        assertRefused(TestPlugins.Spec.of("api", "1.0.0", "*", Map.of("t.m.MModule", mod))
                        .withExtra("dev/bosun/api/HostModule.class", new byte[] {1}),
                "plugin api: bundles dev.bosun.api classes (in lib/plugin.jar)");
        assertRefused(TestPlugins.Spec.of("x", "1.0.0", "*", Map.of("t.m.MModule", mod))
                        .withProperties("plugin.version=1.0.0\n"),
                "x.zip: not a plugin: plugin id (descriptor of x.zip) is missing; it must match [a-z0-9][a-z0-9._-]{0,63}");
        assertRefused(TestPlugins.Spec.of("twice", "1.0.0", "*", Map.of("t.m.MModule", mod,
                        "t.n.NModule", TestPlugins.module("t.n", "NModule", "mmod", ""))),
                "plugin twice: module name 'mmod' is declared twice");
        assertRefused(TestPlugins.Spec.of("badname", "1.0.0", "*",
                        Map.of("t.b.BModule", TestPlugins.module("t.b", "BModule", "Bad-Name", ""))),
                "plugin badname: t.b.BModule: module name \"Bad-Name\" must match [a-z][a-z0-9_]{0,31}");
        assertRefused(TestPlugins.Spec.of("ghost", "1.0.0", "*", Map.of("t.m.MModule", mod)).withoutProcessor()
                        .withExtra("META-INF/extensions.idx", "t.m.MModule\nt.gone.Gone\n".getBytes()),
                "plugin ghost: extension \"t.gone.Gone\" listed in META-INF/extensions.idx has no class file in the plugin");
    }

    @Test
    void entriesThatWouldLandOutsideThePluginAreRefused() throws IOException {
        Path zip = tmp.resolve("slip.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("plugin.properties"));
            z.write("plugin.id=slip\nplugin.version=1.0.0\n".getBytes());
            z.putNextEntry(new java.util.zip.ZipEntry("../../etc/cron.d/x"));
            z.write("* * * * * root id\n".getBytes());
        }
        dev.bosun.api.BosunException e = assertThrows(dev.bosun.api.BosunException.class, () -> PluginArchive.read(zip));
        assertEquals("slip.zip: entry \"../../etc/cron.d/x\" would land outside the plugin", e.getMessage());
    }

    private InspectedPlugin inspect(TestPlugins.Spec spec) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "p");
        Path zip = TestPlugins.build(dir, spec.properties().contains("plugin.id=") ? "p" : "x", spec);
        return PluginInspector.inspect(PluginArchive.read(zip));
    }

    private void assertRefused(TestPlugins.Spec spec, String messageStart) throws IOException {
        PluginInspector.Refused e = assertThrows(PluginInspector.Refused.class, () -> inspect(spec));
        assertEquals(messageStart, e.getMessage().substring(0, Math.min(e.getMessage().length(), messageStart.length())),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
