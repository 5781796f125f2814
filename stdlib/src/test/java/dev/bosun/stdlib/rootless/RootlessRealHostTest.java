package dev.bosun.stdlib.rootless;

import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preflight on this machine, for user nobody, each finding compared with what the test sees for itself; and the
 * real Podman 5.4.2 package's files (the quadlet reference tree), its binary run for real.
 */
class RootlessRealHostTest {
    private static final Path ORACLE = Path.of(System.getenv().getOrDefault("QUADLET_REFERENCE_DIR", "/tmp/quadlet-oracle"),
            "trixie");
    private static Path stateDir;
    private static LocalHostContext ctx;

    @BeforeAll
    static void open() throws IOException {
        stateDir = Files.createTempDirectory("bosun-rootless-state-");
        ctx = LocalHostContext.open(Path.of("/"), false, stateDir.resolve("bosun.db"), "test");
    }

    @AfterAll
    static void close() throws IOException {
        if (ctx != null) {
            ctx.close();
        }
        if (stateDir != null) {
            Files.deleteIfExists(stateDir.resolve("bosun.db"));
            Files.deleteIfExists(stateDir);
        }
    }

    private static boolean onPath(String program) {
        return Programs.PATH.stream().anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    @Test
    void thisMachinesFindingsAreWhatTheTestSeesItself() throws Exception {
        RootlessCheckResult r = new RootlessModule().check(ctx, new RootlessCheckOptions("nobody"));
        String report = RootlessReport.render(r);
        assertEquals(RootlessCheckTest.ORDER, r.findings().stream().map(RootlessFinding::id).toList(), report);
        assertEquals(r.failures().isEmpty(), r.canRun(), report);
        assertTrue(ctx.plan().changes().isEmpty(), "a read-only check planned " + ctx.plan().changes());

        boolean unified = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
        boolean hybrid = !unified && Files.exists(Path.of("/sys/fs/cgroup/unified/cgroup.controllers"));
        RootlessFinding cgroup = r.finding("cgroup");
        if (unified) {
            assertEquals(FindingStatus.OK, cgroup.status(), report);
        } else if (hybrid) {
            assertTrue(cgroup.detail().startsWith("hybrid: "), report);
            assertTrue(cgroup.status() == FindingStatus.FAIL || cgroup.status() == FindingStatus.WARN, report);
        }

        RootlessFinding podman = r.finding("podman");
        if (!onPath("podman")) {
            assertEquals(FindingStatus.FAIL, podman.status(), report);
            assertTrue(podman.detail().startsWith("podman is not installed"), report);
        } else {
            Process p = new ProcessBuilder("podman", "--version").start();
            String line = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() == 0) {
                assertTrue(podman.detail().startsWith(line + " at "), report);
            }
        }
        Path newuidmap = Programs.PATH.stream().map(d -> Path.of(d, "newuidmap")).filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (newuidmap == null) {
            assertEquals(FindingStatus.FAIL, r.finding("newuidmap").status(), report);
            assertTrue(r.finding("newuidmap").detail().startsWith("newuidmap is not installed"), report);
        } else if (((Integer) Files.getAttribute(newuidmap, "unix:mode") & 04000) != 0
                && (Integer) Files.getAttribute(newuidmap, "unix:uid") == 0) {
            assertEquals(FindingStatus.OK, r.finding("newuidmap").status(), report);
        }

        String max = Files.readString(Path.of("/proc/sys/user/max_user_namespaces")).strip();
        assertTrue(r.finding("userns").detail().contains("user.max_user_namespaces = " + max), report);

        Path tun = Path.of("/dev/net/tun");
        if (Files.exists(tun, LinkOption.NOFOLLOW_LINKS)) {
            int mode = (Integer) Files.getAttribute(tun, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            assertEquals((mode & 06) == 06 ? FindingStatus.OK : FindingStatus.FAIL, r.finding("tun").status(), report);
        }
        boolean lingers = Files.exists(Path.of("/var/lib/systemd/linger/nobody"));
        assertEquals(lingers ? FindingStatus.OK : FindingStatus.WARN, r.finding("linger").status(), report);
        assertTrue(r.verdict().startsWith(r.canRun() ? "rootless Podman with Quadlet can run for nobody"
                : "rootless Podman with Quadlet cannot run for nobody: "), report);
    }

    /**
     * Debian 13's Podman 5.4.2 as its package installs it (podman, quadlet, the generator links), copied into a root:
     * the generator is found through the package's relative link, and the podman binary is really run; on a host
     * without its libraries (this Debian 12 has no libsubid.so.5) the finding says it does not run and why.
     */
    @Test
    void theRealPodman542PackageIsReadAndItsBinaryRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ORACLE.resolve("usr/bin/podman")),
                "no unpacked podman 5.4.2 at " + ORACLE + " (../shared/tools/quadlet-reference-setup.sh makes it)");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "the fixture host needs root");
        try (RootlessHost host = RootlessHost.good()) {
            host.delete("/usr/bin/podman");
            host.delete("/usr/libexec/podman/quadlet");
            host.delete("/usr/lib/systemd/user-generators/podman-user-generator");
            host.delete("/usr/lib/systemd/system-generators/podman-system-generator");
            for (String part : List.of("usr/bin/podman", "usr/libexec/podman/quadlet",
                    "usr/lib/systemd/user-generators/podman-user-generator",
                    "usr/lib/systemd/system-generators/podman-system-generator")) {
                host.sh("cp", "-a", ORACLE.resolve(part).toString(), host.root.path("/" + part).toString());
            }
            RootlessCheckResult r = host.checkLiveRunningTheRootsPrograms("alice");
            RootlessFinding quadlet = r.finding("quadlet");
            assertEquals(FindingStatus.OK, quadlet.status(), quadlet.detail());
            assertTrue(quadlet.detail().startsWith("/usr/lib/systemd/user-generators/podman-user-generator -> "
                    + "/usr/libexec/podman/quadlet"), quadlet.detail());
            RootlessFinding podman = r.finding("podman");
            Process p = new ProcessBuilder(ORACLE.resolve("usr/bin/podman").toString(), "--version").start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0) {
                assertEquals(FindingStatus.OK, podman.status(), podman.detail());
                assertEquals("5.4.2", r.podmanVersion());
            } else {
                assertEquals(FindingStatus.FAIL, podman.status(), podman.detail());
                assertTrue(podman.detail().startsWith("podman at /usr/bin/podman does not run: "), podman.detail());
                assertTrue(podman.detail().contains("error while loading shared libraries"), podman.detail());
            }
        }
    }
}
