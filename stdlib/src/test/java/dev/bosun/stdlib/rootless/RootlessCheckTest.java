package dev.bosun.stdlib.rootless;

import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole preflight on a good fixture host, the verdict, who is checked, and what runs where. */
class RootlessCheckTest {
    static final List<String> ORDER = List.of("cgroup", "controllers", "runtime", "newuidmap", "newgidmap", "subuid",
            "subgid", "userns", "tun", "network", "linger", "runtimeDir", "podman", "quadlet");
    static final Map<String, String> GOOD_VERSIONS = Map.of("/usr/bin/podman", "podman version 5.4.2",
            "/usr/bin/crun", "crun version 1.21");

    private RootlessHost host;

    @BeforeEach
    void setUp() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mknod, chown and setuid need root");
        host = RootlessHost.good();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aGoodHostCanRunAndEveryFindingIsOkInOrder() {
        RootlessCheckResult r = host.checkLive("alice", GOOD_VERSIONS);
        assertEquals(ORDER, r.findings().stream().map(RootlessFinding::id).toList());
        for (RootlessFinding f : r.findings()) {
            assertEquals(FindingStatus.OK, f.status(), () -> RootlessReport.render(r));
            assertNull(f.remedy(), f.id());
        }
        assertTrue(r.canRun());
        assertTrue(r.failures().isEmpty());
        assertEquals("rootless Podman with Quadlet can run for alice", r.verdict());
        assertEquals("alice", r.user());
        assertEquals(1000L, r.uid());
        assertEquals("5.4.2", r.podmanVersion());
        assertEquals("podman version 5.4.2 at /usr/bin/podman", r.finding("podman").detail());
        assertEquals("crun version 1.21 at /usr/bin/crun (Podman's default)", r.finding("runtime").detail());
    }

    @Test
    void underAnotherRootNoCommandRunsAndThePodmanVersionIsSaidNotToBeMade() {
        RootlessCheckResult r = host.check("alice");
        assertTrue(r.canRun(), () -> RootlessReport.render(r));
        RootlessFinding podman = r.finding("podman");
        assertEquals(FindingStatus.SKIP, podman.status());
        assertTrue(podman.detail().contains("podman --version not run under --root " + host.root.dir()), podman.detail());
        assertTrue(r.finding("runtime").detail().contains("crun --version not run under --root"), r.finding("runtime").detail());
        assertEquals(FindingStatus.OK, r.finding("quadlet").status(), "made from the root's files");
        assertNull(r.podmanVersion());
    }

    @Test
    void aFailureNamesItselfInTheVerdictAndWarningsDoNotStopIt() throws IOException {
        host.delete("/var/lib/systemd/linger/alice");
        RootlessCheckResult warned = host.checkLive("alice", GOOD_VERSIONS);
        assertTrue(warned.canRun());
        assertEquals("rootless Podman with Quadlet can run for alice (with warnings: linger)", warned.verdict());

        host.write("/etc/subuid", "");
        host.delete("/usr/bin/pasta");
        RootlessCheckResult r = host.checkLive("alice", GOOD_VERSIONS);
        assertFalse(r.canRun());
        assertEquals(List.of("subuid", "network"), r.failures().stream().map(RootlessFinding::id).toList());
        assertEquals("rootless Podman with Quadlet cannot run for alice: subuid, network failed", r.verdict());
    }

    @Test
    void rootWithoutAUserGetsTheHostWideFindingsOnly() {
        RootlessCheckResult r = host.check(null);
        assertNull(r.user());
        assertNull(r.uid());
        for (String id : List.of("controllers", "subuid", "subgid", "linger", "runtimeDir")) {
            assertEquals(FindingStatus.SKIP, r.finding(id).status(), id);
            assertTrue(r.finding(id).detail().contains("no user named"), r.finding(id).detail());
        }
        assertEquals(FindingStatus.OK, r.finding("tun").status());
        assertTrue(r.finding("tun").detail().contains("no user named"), r.finding("tun").detail());
        assertTrue(r.verdict().startsWith("rootless Podman with Quadlet can run for rootless users (no user named"),
                r.verdict());
    }

    @Test
    void aUserThatIsNotThereOrABadNameIsRefused() {
        InvalidValueException missing = assertThrows(InvalidValueException.class, () -> host.check("carol"));
        assertEquals("user \"carol\" is not a user in " + host.root.dir().resolve("etc/passwd"), missing.getMessage());
        InvalidValueException bad = assertThrows(InvalidValueException.class, () -> new RootlessCheckOptions("Bad/1"));
        assertTrue(bad.getMessage().startsWith("user \"Bad/1\" must match"), bad.getMessage());
    }

    @Test
    void itRunsUnderDryRunAndPlansNothing() {
        try (LocalHostContext ctx = host.root.context(true)) {
            RootlessCheckResult r = new RootlessModule().check(ctx, new RootlessCheckOptions("alice"));
            assertTrue(r.canRun(), () -> RootlessReport.render(r));
            assertTrue(ctx.plan().changes().isEmpty(), ctx.plan().changes().toString());
        }
    }

    @Test
    void theReportHasALinePerFindingAFixLineForEachProblemAndTheVerdict() throws IOException {
        host.write("/etc/subgid", "alice:100000:1000\n");
        RootlessCheckResult r = host.checkLive("alice", GOOD_VERSIONS);
        String text = RootlessReport.render(r);
        List<String> lines = text.lines().toList();
        assertEquals(ORDER.size() + 2, lines.size(), text);
        assertTrue(lines.getFirst().startsWith("ROOTLESS: Checking for cgroup v2 (the unified hierarchy)"), text);
        assertTrue(lines.getFirst().contains(": OK (cgroup v2 at /sys/fs/cgroup"), text);
        int subgid = ORDER.indexOf("subgid");
        assertTrue(lines.get(subgid).contains(": WARN (100000-100999 (line 1): 1000 IDs"), text);
        assertTrue(lines.get(subgid + 1).startsWith("          fix: subids.allocate(\"alice\")"), text);
        assertEquals("ROOTLESS: rootless Podman with Quadlet can run for alice (with warnings: subgid)", lines.getLast());
    }
}
