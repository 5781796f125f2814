package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Command;
import dev.bosun.api.Doc;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.marks.AllocateRequest;
import dev.bosun.stdlib.marks.ConnectionType;
import dev.bosun.stdlib.marks.MarksModule;
import dev.bosun.stdlib.marks.Target;
import dev.bosun.stdlib.overlay.CreateSpec;
import dev.bosun.stdlib.overlay.OverlayModule;
import dev.bosun.stdlib.systemd.SystemdModule;
import dev.bosun.stdlib.systemd.SystemdTarget;
import dev.bosun.stdlib.testing.ScratchRoot;
import dev.bosun.stdlib.users.Lingering;
import dev.bosun.stdlib.users.UsersModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --root DIR} redirects files, not the running system. Operations whose effect would land on the live
 * network, mount table, service managers or devices refuse under a scratch root, in apply and dry-run alike,
 * before any command runs or is planned; the live state (ip rules, mounts) is read before and after to show it.
 * A plugin that builds its commands with {@code Command.of} and forgets to classify them gets the same
 * treatment: mutating by default, so planned and not run under dry-run, and refused under an alternate root.
 */
@Tag("attack")
class LiveEffectRootAttackTest {
    private ScratchRoot root;

    /** A third-party module as a plugin author might write it: no asMutating(), no thought about --root. */
    @Module(name = "forgetful", doc = "A plugin that forgets to classify its commands.")
    public static final class ForgetfulPlugin implements HostModule {
        @Op(doc = "Touches a file.", mutates = true)
        public String touch(HostContext ctx, @Doc("file to create") String path) {
            ctx.exec().run(Command.of("touch", path));
            return path;
        }

        @Op(doc = "Adds a dummy interface to the network namespace Bosun runs in.", mutates = true)
        public String addLink(HostContext ctx, @Doc("interface name") String name) {
            ctx.exec().run(Command.of("ip", "link", "add", name, "type", "dummy"));
            return name;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        root = ScratchRoot.fromHostEtc();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (root != null) {
            root.close();
        }
    }

    @Test
    void aCommandBuiltWithCommandOfIsPlannedNotRunUnderDryRun(@TempDir Path tmp) {
        Path marker = tmp.resolve("touched-by-a-dry-run");
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), true, tmp.resolve("s.db"), "test")) {
            new ForgetfulPlugin().touch(ctx, marker.toString());
            assertFalse(Files.exists(marker), "a dry-run ran a command its plugin did not classify");
            assertEquals(List.of("touch " + marker), ctx.plan().changes().stream()
                    .filter(c -> c.kind() == Change.Kind.EXEC).map(Change::summary).toList());
        }
    }

    @ParameterizedTest(name = "dry-run {0}")
    @ValueSource(booleans = {false, true})
    void aPluginCommandThatReachesTheLiveSystemIsRefusedUnderRoot(boolean dryRun) throws Exception {
        assumeTrue(isRoot(), "needs root to be a real attempt");
        String link = "bosunatk" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        String linksBefore = run("ip", "-o", "link", "show");
        try (LocalHostContext ctx = root.context(dryRun)) {
            BosunException e = assertThrows(BosunException.class, () -> new ForgetfulPlugin().addLink(ctx, link));
            assertEquals("\"ip link add " + link + " type dummy\" would change the live system (network, mounts, services "
                    + "or devices), which --root " + root.dir() + " does not redirect; refused under a root that is not / "
                    + "(name the target explicitly, e.g. a netns, or run on the live system)", e.getMessage());
            assertEquals(0, ctx.plan().size(), "refused before it was planned");
        }
        assertEquals(linksBefore, run("ip", "-o", "link", "show"), "the live namespace's links changed");
    }

    @Test
    void readOnlyQueriesStillRunUnderRoot() {
        try (LocalHostContext ctx = root.context(false)) {
            ExecResult r = ctx.exec().run(Command.of("ip", "-o", "link", "show").readOnly());
            assertTrue(r.stdout().contains("lo"), r.stdout());
            assertFalse(r.planned());
        }
    }

    @ParameterizedTest(name = "dry-run {0}")
    @ValueSource(booleans = {false, true})
    void marksApplyAndReconcileOnTheHostNamespaceAreRefusedUnderRoot(boolean dryRun) throws Exception {
        assumeTrue(isRoot(), "needs root to be a real attempt");
        String before = liveNetwork();
        MarksModule marks = new MarksModule();
        try (LocalHostContext ctx = root.context(false)) {
            marks.allocate(ctx, new AllocateRequest(ConnectionType.CELL_RELAY, "relay", null, null, null));
            marks.assign(ctx, "10.77.0.2", "relay");
        }
        try (LocalHostContext ctx = root.context(dryRun)) {
            for (String op : List.of("marks.apply", "marks.reconcile")) {
                BosunException e = assertThrows(BosunException.class, () -> {
                    if (op.equals("marks.apply")) {
                        marks.apply(ctx, null);
                    } else {
                        marks.reconcile(ctx, new Target(null));
                    }
                });
                assertEquals("the root is " + root.dir() + ", not the live system, and --root does not redirect the "
                        + "host's network namespace; name one with {netns: \"...\"} or run on /", e.getMessage());
            }
            assertEquals(List.of(), ctx.plan().changes().stream().filter(c -> c.kind() == Change.Kind.EXEC).toList());
        }
        assertEquals(before, liveNetwork(), "the live network namespace changed");
    }

    @Test
    void marksApplyUnderRootRunsOnlyInTheNamespaceItNames() throws Exception {
        assumeTrue(isRoot() && runRc("ip", "netns", "list") == 0 && runRc("nft", "--version") == 0,
                "needs root, ip netns and nft");
        String ns = "bosun-atk-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        assumeTrue(runRc("ip", "netns", "add", ns) == 0, "cannot create a scratch network namespace here");
        try {
            String before = liveNetwork();
            MarksModule marks = new MarksModule();
            try (LocalHostContext ctx = root.context(false)) {
                marks.allocate(ctx, new AllocateRequest(ConnectionType.CELL_RELAY, "relay", null, null, null));
                marks.assign(ctx, "10.77.0.2", "relay");
                assertTrue(marks.apply(ctx, new Target(ns)).changed());
            }
            String rules = run("ip", "-n", ns, "rule", "show");
            assertTrue(rules.contains("fwmark 0x1000 lookup 1000"), "the rules went to the named namespace: " + rules);
            assertFalse(run("ip", "rule", "show").contains("lookup 1000"), "and not to the live one");
            assertEquals(before, liveNetwork(), "the live network namespace changed");
        } finally {
            runRc("ip", "netns", "del", ns);
        }
    }

    @ParameterizedTest(name = "dry-run {0}")
    @ValueSource(booleans = {false, true})
    void systemdIsRefusedUnderRoot(boolean dryRun) {
        SystemdModule systemd = new SystemdModule();
        try (LocalHostContext ctx = root.context(dryRun)) {
            BosunException e = assertThrows(BosunException.class, () -> systemd.daemonReload(ctx, new SystemdTarget("web")));
            assertTrue(e.getMessage().startsWith("the root is " + root.dir() + ", not the live system"),
                    e.getMessage());
            assertThrows(BosunException.class, () -> systemd.stop(ctx, "web.service", null));
            assertEquals(0, ctx.plan().size());
        }
    }

    @ParameterizedTest(name = "dry-run {0}")
    @ValueSource(booleans = {false, true})
    void anOverlayMountUnderRootIsRefusedInTheLiveMountNamespace(boolean dryRun) throws Exception {
        assumeTrue(isRoot(), "needs root to be a real attempt");
        assumeTrue(sameMountNamespaceAsParent(), "this test JVM runs in a mount namespace of its own");
        root.write("/lower/etc/motd", "lower\n");
        OverlayModule overlay = new OverlayModule();
        try (LocalHostContext ctx = root.context(false)) {
            overlay.create(ctx, "box", new CreateSpec(List.of("/lower"), null, null));
        }
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        try (LocalHostContext ctx = root.context(dryRun)) {
            BosunException e = assertThrows(BosunException.class, () -> overlay.mount(ctx, "box", null));
            assertTrue(e.getMessage().startsWith("overlay \"box\": the root is " + root.dir() + ", not the live system"),
                    e.getMessage());
            assertEquals(List.of(), ctx.plan().changes().stream().filter(c -> c.kind() == Change.Kind.EXEC).toList());
        }
        assertEquals(mounts, Files.readString(Path.of("/proc/self/mountinfo")), "the live mount table changed");
    }

    @Test
    void lingerUnderRootWritesTheRootsMarkerAndRunsNoLoginctl() throws Exception {
        root.write("/etc/passwd", root.read("/etc/passwd") + "web:x:1500:1500::/home/web:/bin/sh\n");
        try (LocalHostContext ctx = root.context(false)) {
            Lingering l = new UsersModule().linger(ctx, "web", true);
            assertEquals("file", l.method());
            assertEquals(List.of(), ctx.plan().changes().stream().filter(c -> c.kind() == Change.Kind.EXEC).toList());
        }
        assertTrue(Files.exists(root.path("/var/lib/systemd/linger/web")));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The live namespace's rules, routes of every table and src_valid_mark, for before/after comparison. */
    private static String liveNetwork() throws Exception {
        return run("ip", "-4", "rule", "show") + run("ip", "-6", "rule", "show") + run("ip", "-4", "route", "show", "table", "all")
                + run("sysctl", "-n", "net.ipv4.conf.all.src_valid_mark");
    }

    private static boolean sameMountNamespaceAsParent() throws IOException {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        return parent > 0 && Files.readSymbolicLink(Path.of("/proc/self/ns/mnt"))
                .equals(Files.readSymbolicLink(Path.of("/proc/" + parent + "/ns/mnt")));
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", argv) + " timed out");
        return out;
    }

    private static int runRc(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", argv) + " timed out");
        return p.exitValue();
    }
}
