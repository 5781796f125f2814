package dev.bosun.shell.attack;

import dev.bosun.api.BosunException;
import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.WriteOptions;
import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.plugins.ShellRun;
import dev.bosun.shell.plugins.TestPlugins;
import dev.bosun.stdlib.audit.AuditEntry;
import dev.bosun.stdlib.audit.AuditModule;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit row is written before the effect, so a change can never go unrecorded: an operation that
 * fails midway leaves its row (error, changed), one killed with SIGKILL midway leaves a row that reads
 * interrupted, and one that failed before changing anything is not recorded as a change.
 */
@Tag("attack")
class AuditWriteAheadAttackTest {
    @TempDir
    Path root;

    /** What an operation saw of its own audit row while it ran. */
    static volatile String seenWhileRunning;

    /** Operations that fail after, or at, their first effect. */
    @Module(name = "halfway", doc = "Operations that fail partway, for the audit tests.")
    public static final class HalfwayModule implements HostModule {
        @Op(mutates = true, doc = "Writes the file, looks at its own audit row, then fails.")
        public String write(HostContext ctx, @Doc("path") String path) {
            ctx.fs().write(path, "half done\n", WriteOptions.DEFAULT);
            AuditEntry mine = new AuditModule().list(ctx, new AuditModule.ListOptions(1, null, null)).getFirst();
            seenWhileRunning = mine.op() + " " + mine.outcome() + " " + (mine.pid() == ProcessHandle.current().pid());
            throw new BosunException("gave up after writing " + path);
        }

        @Op(mutates = true, doc = "Fails at its first effect: the directory does not exist.")
        public String failFirst(HostContext ctx) {
            ctx.fs().write("/no/such/dir/file", "x\n", WriteOptions.DEFAULT);
            return "unreachable";
        }
    }

    private String eval(String code) {
        ModuleRegistry registry = ModuleRegistry.withStdlib();
        registry.add(new HalfwayModule(), "test");
        try (LocalHostContext host = LocalHostContext.open(root, false, null, "test");
             Session s = new Session(registry, host, Session.Options.of(new ByteArrayOutputStream(),
                     new ByteArrayOutputStream()))) {
            return s.eval(code, "test.js").toString();
        }
    }

    @Test
    void anOperationFailingMidwayIsRecordedBeforeAndAfterItsChange() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        assertEquals("gave up after writing /etc/half",
                eval("try { halfway.write('/etc/half'); 'no error' } catch (e) { e.message.replace('halfway.write: ', '') }"));
        assertEquals("halfway.write started true", seenWhileRunning, "the intent row was there while it ran");
        assertEquals("half done\n", Files.readString(root.resolve("etc/half")));
        assertEquals("halfway.write error true gave up after writing /etc/half",
                eval("const r = audit.list()[0]; [r.op, r.outcome, r.changed, r.error].join(' ')"));
    }

    @Test
    void anOperationThatFailedAtItsFirstEffectIsNotRecordedAsAChange() {
        assertEquals("halfway.failFirst error false",
                eval("try { halfway.failFirst() } catch (e) {} const r = audit.list()[0]; "
                        + "[r.op, r.outcome, r.changed].join(' ')"));
        assertFalse(Files.exists(root.resolve("no")));
    }

    @Test
    void aBosunKilledMidOperationLeavesAnInterruptedRow(@TempDir Path plugins) throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        TestPlugins.build(plugins, "hang-1.0.0", TestPlugins.Spec.of("hang", "1.0.0", "*", Map.of("t.hang.HangModule",
                TestPlugins.module("t.hang", "HangModule", "hang", """
                        @Op(mutates = true, doc = "Writes the file, then hangs.")
                        public String write(HostContext ctx, @Doc("path") String path) throws Exception {
                            ctx.fs().write(path, "started\\n", WriteOptions.DEFAULT);
                            Thread.sleep(600_000);
                            return path;
                        }
                        """))));
        Process child = ChildBosun.start(Map.of(), plugins.resolve("child.out"), "--root", root.toString(),
                "--plugins", plugins.toString(), "-e", "hang.write('/etc/hung')");
        try {
            Path hung = root.resolve("etc/hung");
            for (int i = 0; i < 1200 && !Files.exists(hung) && child.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(hung), "the child reached its effect: "
                    + Files.readString(plugins.resolve("child.out.err")));
            assertEquals("hang.write started " + child.pid() + "\n", row(), "a running call reads started");
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals("hang.write interrupted " + child.pid() + "\n", row(),
                "the change is on the record as interrupted, not missing");
    }

    private String row() {
        ShellRun r = ShellRun.of("--root", root.toString(), "-e",
                "const r = audit.list()[0]; [r.op, r.outcome, r.pid].join(' ')");
        assertEquals(0, r.status(), r.err());
        return r.out();
    }

    @Test
    void cliSubcommandsTakeTheSameAuditedPath(@TempDir Path tmp) throws Exception {
        Path zip = TestPlugins.build(Files.createDirectories(tmp.resolve("build")), "hello-1.0.0",
                TestPlugins.Spec.of("hello", "1.0.0", "*",
                        Map.of("t.hello.HelloModule", TestPlugins.module("t.hello", "HelloModule", "hello", ""))));
        Path state = tmp.resolve("state/bosun.db");
        Map<String, String> env = Map.of("XDG_DATA_HOME", tmp.resolve("data").toString());
        Path installed = tmp.resolve("data/bosun/plugins/hello.zip");

        ChildBosun.Result dry = ChildBosun.run(env, tmp, "--state", state.toString(), "-n", "plugins", "install",
                zip.toString());
        assertEquals(0, dry.status(), dry.err());
        assertFalse(Files.exists(state), "a dry-run writes no audit row (and no database)");

        ChildBosun.Result install = ChildBosun.run(env, tmp, "--state", state.toString(), "plugins", "install",
                zip.toString());
        assertEquals(0, install.status(), install.err());
        assertTrue(Files.exists(installed));
        ChildBosun.Result remove = ChildBosun.run(env, tmp, "--state", state.toString(), "plugins", "remove", "hello");
        assertEquals(0, remove.status(), remove.err());
        ShellRun kvm = ShellRun.of("--state", state.toString(), "kvm", "check");
        assertTrue(kvm.status() == 0 || kvm.status() == 1, kvm.err());

        ShellRun rows = ShellRun.of("--state", state.toString(), "-e",
                "audit.list().map(r => [r.op, r.outcome, r.changed, r.source, JSON.stringify(r.args)].join(' ')).join('\\n')");
        assertEquals("plugins.remove ok true plugins remove {\"id\":\"hello\"}\n"
                + "plugins.install ok true plugins install {\"path\":\"" + zip + "\"}\n", rows.out(),
                "kvm check reads only and, like kvm.check() in a script, leaves no row");

        Files.write(state, new byte[4096]); // a database that is no database any more
        ChildBosun.Result refused = ChildBosun.run(env, tmp, "--state", state.toString(), "plugins", "install",
                zip.toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().startsWith("bosun: plugins.install: refused: the audit trail cannot be written ("),
                refused.err());
        assertFalse(Files.exists(installed), "no audit, no plugin");
        try (var left = Files.list(tmp.resolve("data/bosun/plugins"))) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("hello")).toList());
        }
    }
}
