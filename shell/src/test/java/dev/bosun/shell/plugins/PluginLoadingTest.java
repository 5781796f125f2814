package dev.bosun.shell.plugins;

import dev.bosun.shell.ops.ModuleRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugins built as real zips and loaded from disk by the shell's PF4J manager: a good plugin's module
 * behaves like a built-in one (ops, types, help, dry-run, audit), and each kind of broken plugin is
 * reported in one line and skipped while the shell keeps working.
 */
class PluginLoadingTest {
    @TempDir
    static Path tmp;
    static Path goodRoot;
    static Path brokenRoot;

    @BeforeAll
    static void buildPlugins() throws IOException {
        goodRoot = Files.createDirectories(tmp.resolve("good"));
        TestPlugins.build(goodRoot, "hello-1.0.0", TestPlugins.Spec.of("hello", "1.0.0", ">=0.1.0",
                Map.of("t.hello.HelloModule", TestPlugins.module("t.hello", "HelloModule", "hello", ""))));

        brokenRoot = Files.createDirectories(tmp.resolve("broken"));
        // A healthy neighbour: broken plugins next to it must not take it down.
        TestPlugins.build(brokenRoot, "fine", TestPlugins.Spec.of("fine", "1.0.0", "*",
                Map.of("t.fine.FineModule", TestPlugins.module("t.fine", "FineModule", "fine", ""))));
        TestPlugins.build(brokenRoot, "bundles-api", TestPlugins.Spec.of("bundlesapi", "1.0.0", "*",
                Map.of("t.b.BModule", TestPlugins.module("t.b", "BModule", "bmod", "")))
                .withExtra("dev/bosun/api/HostModule.class", hostModuleClassBytes()));
        TestPlugins.build(brokenRoot, "bundles-stdlib", TestPlugins.Spec.of("bundlesstdlib", "1.0.0", "*",
                Map.of("t.s.SModule", TestPlugins.module("t.s", "SModule", "smod", "")))
                .withExtra("dev/bosun/stdlib/files/FilesModule.class", new byte[] {(byte) 0xCA, (byte) 0xFE}));
        TestPlugins.build(brokenRoot, "bundles-pf4j", TestPlugins.Spec.of("bundlespf4j", "1.0.0", "*",
                Map.of("t.p.PModule", TestPlugins.module("t.p", "PModule", "pmod", "")))
                .withExtra("org/pf4j/ExtensionPoint.class", new byte[] {(byte) 0xCA, (byte) 0xFE}));
        TestPlugins.build(brokenRoot, "too-new", TestPlugins.Spec.of("toonew", "1.0.0", ">=99.0.0",
                Map.of("t.n.NModule", TestPlugins.module("t.n", "NModule", "nmod", ""))));
        TestPlugins.build(brokenRoot, "no-id", TestPlugins.Spec.of("x", "1.0.0", "*",
                Map.of("t.i.IModule", TestPlugins.module("t.i", "IModule", "imod", "")))
                .withProperties("plugin.version=1.0.0\nplugin.provider=test\n"));
        TestPlugins.build(brokenRoot, "bad-version", TestPlugins.Spec.of("badversion", "banana", "*",
                Map.of("t.v.VModule", TestPlugins.module("t.v", "VModule", "vmod", ""))));
        TestPlugins.build(brokenRoot, "throws", TestPlugins.Spec.of("throws", "1.0.0", "*",
                Map.of("t.t.TModule", TestPlugins.module("t.t", "TModule", "tmod",
                        "public TModule() { throw new IllegalStateException(\"no config here\"); }"))));
        TestPlugins.build(brokenRoot, "taken", TestPlugins.Spec.of("taken", "1.0.0", "*",
                Map.of("t.f.FilesAgain", TestPlugins.module("t.f", "FilesAgain", "files", ""))));
        TestPlugins.build(brokenRoot, "no-index", TestPlugins.Spec.of("noindex", "1.0.0", "*",
                Map.of("t.x.XModule", TestPlugins.module("t.x", "XModule", "xmod", ""))).withoutProcessor());
    }

    private static byte[] hostModuleClassBytes() throws IOException {
        try (var in = dev.bosun.api.HostModule.class.getResourceAsStream("HostModule.class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void goodPluginModuleIsListedWithItsOperations() {
        ShellRun r = ShellRun.of("--plugins", goodRoot.toString(), "ops", "hello");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("hello — Test plugin module hello. (plugin hello)"), r.out());
        assertTrue(r.out().contains("hello.greet(name: string): string"), r.out());
        assertTrue(r.out().contains("hello.mark(path: string): Marked  [mutates]"), r.out());
    }

    @Test
    void goodPluginAppearsInTypesAndHelpAndRuns() {
        ShellRun types = ShellRun.of("--plugins", goodRoot.toString(), "types");
        assertEquals(0, types.status(), types.err());
        assertTrue(types.out().contains("greet(name: string): string"), types.out());

        ShellRun help = ShellRun.of("--plugins", goodRoot.toString(), "-e", "help(hello.mark)");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().contains("Writes a marker file"), help.out());
        assertTrue(help.out().contains("mutates the host"), help.out());

        ShellRun call = ShellRun.of("--plugins", goodRoot.toString(), "-e", "hello.greet('bosun')");
        assertEquals(0, call.status(), call.err());
        assertTrue(call.out().contains("hello bosun"), call.out());

        ShellRun bad = ShellRun.of("--plugins", goodRoot.toString(), "-e", "hello.greet(' ')");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("hello.greet: name must not be empty"), bad.err());
    }

    @Test
    void pluginMutatingOpIsPlannedUnderDryRunAndAuditedWhenApplied() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root-" + System.nanoTime()));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        Path state = tmp.resolve("state-" + System.nanoTime() + ".db");
        ShellRun dry = ShellRun.of("--plugins", goodRoot.toString(), "--root", root.toString(), "--state",
                state.toString(), "-n", "-e", "hello.mark('/marker')");
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("Plan (dry-run"), dry.out());
        assertTrue(dry.out().contains("/marker"), dry.out());
        assertFalse(Files.exists(root.resolve("marker")), "dry-run must not write");

        ShellRun apply = ShellRun.of("--plugins", goodRoot.toString(), "--root", root.toString(), "--state",
                state.toString(), "-e", "hello.mark('/marker')");
        assertEquals(0, apply.status(), apply.err());
        assertTrue(Files.exists(root.resolve("marker")));

        ShellRun audit = ShellRun.of("--plugins", goodRoot.toString(), "--root", root.toString(), "--state",
                state.toString(), "--json", "-e", "audit.list({op: 'hello.mark'})");
        assertEquals(0, audit.status(), audit.err());
        assertEquals("hello.mark", dev.bosun.shell.render.JsonContract.result(audit.out()).get(0).get("op").asText(),
                audit.out());
        assertTrue(audit.out().contains("/marker"), audit.out());
    }

    @Test
    void eachBrokenPluginIsSkippedWithItsReason() {
        try (PluginSet set = PluginSet.loadFrom(List.of(brokenRoot), ModuleRegistry.withStdlib())) {
            assertEquals(PluginStatus.State.LOADED, set.status("fine").state(), String.valueOf(set.status("fine")));
            assertNotNull(set.registry().module("fine"));

            assertSkipped(set, "bundles-api", "bundles dev.bosun.api classes (in lib/plugin.jar)");
            assertSkipped(set, "bundles-pf4j", "bundles org.pf4j classes");
            assertSkipped(set, "bundles-stdlib", "bundles dev.bosun.stdlib classes");
            assertSkipped(set, "toonew", "requires Bosun API >=99.0.0, this Bosun provides");
            assertSkipped(set, "no-id", "id");
            assertSkipped(set, "bad-version", "version 'banana' is not a semantic version");
            assertSkipped(set, "throws", "module class t.t.TModule failed in its constructor: "
                    + "IllegalStateException: no config here");
            assertSkipped(set, "taken", "module name 'files' is already taken by stdlib");
            assertSkipped(set, "noindex", "no modules found: META-INF/extensions.idx");
            assertEquals("stdlib", set.registry().module("files").origin());
            for (String m : List.of("bmod", "pmod", "nmod", "imod", "vmod", "tmod", "xmod")) {
                assertEquals(null, set.registry().module(m), m + " must not be registered");
            }
        }
    }

    private static void assertSkipped(PluginSet set, String id, String reasonPart) {
        PluginStatus s = set.status(id);
        assertNotNull(s, id + " not reported; statuses: " + set.statuses());
        assertEquals(PluginStatus.State.SKIPPED, s.state(), s.toString());
        assertTrue(s.reason().contains(reasonPart), id + ": " + s.reason());
        assertFalse(s.reason().contains("\n"), "one line: " + s.reason());
    }

    @Test
    void shellKeepsWorkingAndReportsEachSkippedPluginOnce() {
        ShellRun r = ShellRun.of("--plugins", brokenRoot.toString(), "-e", "fine.greet('x') + ' ' + (1 + 1)");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("hello x 2"), r.out());
        for (String id : List.of("bundles-api", "bundles-stdlib", "bundles-pf4j", "toonew", "no-id", "bad-version", "throws", "taken",
                "noindex")) {
            long lines = r.err().lines().filter(l -> l.startsWith("bosun: plugin " + id + " skipped: ")).count();
            assertEquals(1, lines, id + " in:\n" + r.err());
        }

        ShellRun list = ShellRun.of("--plugins", brokenRoot.toString(), "plugins", "list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("fine"), list.out());
        assertTrue(list.out().contains("skipped"), list.out());
    }
}
