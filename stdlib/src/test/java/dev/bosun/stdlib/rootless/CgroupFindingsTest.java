package dev.bosun.stdlib.rootless;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cgroup v2, hybrid and v1 hosts, and the controllers delegated to the user's manager, from fixture /sys trees. */
class CgroupFindingsTest {
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

    /** Replaces the fixture's cgroup v2 tree with this machine's kind of host: v1 controllers, hugetlb in cgroup2. */
    private void hybrid(String unifiedControllers) throws IOException {
        host.sh("rm", "-rf", host.root.path("/sys/fs/cgroup").toString());
        host.write("/sys/fs/cgroup/memory/cgroup.procs", "");
        host.write("/sys/fs/cgroup/pids/cgroup.procs", "");
        if (unifiedControllers != null) {
            host.write("/sys/fs/cgroup/unified/cgroup.controllers", unifiedControllers);
        }
    }

    @Test
    void unifiedIsOkWithTheControllersAtTheTop() {
        RootlessFinding f = host.check("alice").finding("cgroup");
        assertEquals(FindingStatus.OK, f.status());
        assertEquals("cgroup v2 at /sys/fs/cgroup; controllers: cpuset cpu io memory hugetlb pids rdma misc", f.detail());
    }

    @Test
    void hybridWithCrunFailsWithCrunsOwnMessageAndBothWaysOut() throws IOException {
        hybrid("hugetlb\n");
        RootlessCheckResult r = host.check("alice");
        RootlessFinding f = r.finding("cgroup");
        assertEquals(FindingStatus.FAIL, f.status());
        assertTrue(f.detail().startsWith("hybrid: cgroup v1 controllers under /sys/fs/cgroup, cgroup v2 at "
                + "/sys/fs/cgroup/unified with controllers hugetlb; crun refuses"), f.detail());
        assertTrue(f.detail().contains("\"cgroups in hybrid mode not supported, drop all controllers from cgroupv2\""));
        assertTrue(f.remedy().startsWith("boot with cgroup v2 only: add systemd.unified_cgroup_hierarchy=1"), f.remedy());
        assertTrue(f.remedy().contains("runtime = \"runc\" in [engine]"), f.remedy());
        assertEquals(FindingStatus.SKIP, r.finding("controllers").status());
        assertFalse(r.canRun());
    }

    @Test
    void hybridWithRuncConfiguredIsAWarningAboutLimits() throws IOException {
        hybrid("");
        host.program("/usr/bin/runc", "0755");
        host.write("/etc/containers/containers.conf", "[engine]\nruntime = \"runc\"\n");
        RootlessFinding f = host.check("alice").finding("cgroup");
        assertEquals(FindingStatus.WARN, f.status());
        assertTrue(f.detail().contains("with no controllers; runc runs rootless containers without a cgroup: no "
                + "resource limits"), f.detail());
    }

    @Test
    void legacyV1FailsWithCrunAndWarnsWithRunc() throws IOException {
        hybrid(null);
        RootlessFinding crun = host.check("alice").finding("cgroup");
        assertEquals(FindingStatus.FAIL, crun.status());
        assertTrue(crun.detail().startsWith("cgroup v1 only (no cgroup2 mount under /sys/fs/cgroup)"), crun.detail());
        host.delete("/usr/bin/crun");
        host.program("/usr/bin/runc", "0755");
        RootlessFinding runc = host.check("alice").finding("cgroup");
        assertEquals(FindingStatus.WARN, runc.status(), runc.detail());
        assertTrue(runc.detail().contains("runc runs rootless containers without a cgroup"), runc.detail());
    }

    @Test
    void noCgroupTreeUnderTheRootIsSkipped() throws IOException {
        host.sh("rm", "-rf", host.root.path("/sys").toString());
        RootlessFinding f = host.check("alice").finding("cgroup");
        assertEquals(FindingStatus.SKIP, f.status());
        assertEquals("no /sys/fs/cgroup under " + host.root.dir(), f.detail());
    }

    /**
     * Found in the lab box: systemd gives the manager's cgroup directory to the user, and the effect layer refuses to
     * step from it to the kernel's root-owned cgroup.controllers. The slice's subtree_control says the same thing.
     */
    @Test
    void aRunningManagersControllersAreReadFromItsSliceNotFromTheUsersDirectory() {
        RootlessFinding f = host.check("alice").finding("controllers");
        assertEquals(FindingStatus.OK, f.status(), f.detail());
        assertEquals("user@1000.service runs; user-1000.slice enables for it cpu memory pids", f.detail());
    }

    @Test
    void aRunningManagerWithoutPidsFailsUnlessPidsLimitIsZero() throws IOException {
        host.delegated("");
        RootlessFinding f = host.check("alice").finding("controllers");
        assertEquals(FindingStatus.FAIL, f.status());
        assertTrue(f.detail().startsWith("user@1000.service runs; user-1000.slice enables for it no controllers; missing memory, pids, cpu: "
                + "without pids every container fails to start, because Podman applies pids_limit = 2048 (its default)"),
                f.detail());
        assertTrue(f.remedy().startsWith("delegate them: /etc/systemd/system/user@.service.d/delegate.conf"), f.remedy());
        assertTrue(f.remedy().endsWith("or set pids_limit = 0 in [containers] of /etc/containers/containers.conf "
                + "(containers then run without a pids limit)"), f.remedy());

        // What the lab box does: no controller reaches the box, so pids_limit = 0.
        host.write("/etc/containers/containers.conf.d/lab.conf", "[containers]\npids_limit = 0\n");
        RootlessFinding w = host.check("alice").finding("controllers");
        assertEquals(FindingStatus.WARN, w.status(), w.detail());
        assertTrue(w.detail().contains("pids_limit = 0 in /etc/containers/containers.conf.d/lab.conf, so containers start, "
                + "but --memory/--pids-limit/--cpus fail"), w.detail());
    }

    @Test
    void aMissingMemoryControllerIsAWarning() throws IOException {
        host.delegated("cpu pids");
        RootlessFinding f = host.check("alice").finding("controllers");
        assertEquals(FindingStatus.WARN, f.status());
        assertTrue(f.detail().endsWith("missing memory, but --memory fails for this user's containers"), f.detail());
    }

    @Test
    void aControllerAbsentAtTheTopCannotBeDelegatedAndTheRemedySaysSo() throws IOException {
        host.write("/sys/fs/cgroup/cgroup.controllers", "cpu pids\n");
        host.delegated("cpu pids");
        RootlessFinding f = host.check("alice").finding("controllers");
        assertEquals(FindingStatus.WARN, f.status());
        assertTrue(f.remedy().startsWith("memory is not enabled at the top of this cgroup tree"), f.remedy());
    }

    @Test
    void withoutARunningManagerTheUnitsDelegateDecides() throws IOException {
        host.sh("rm", "-rf", host.root.path("/sys/fs/cgroup/user.slice").toString());
        host.write("/usr/lib/systemd/system/user@.service", "[Unit]\nDescription=User Manager\n[Service]\n"
                + "Delegate=pids memory cpu\nDelegateSubgroup=init.scope\n");
        RootlessFinding ok = host.check("alice").finding("controllers");
        assertEquals(FindingStatus.OK, ok.status(), ok.detail());
        assertEquals("user@1000.service is not running, so from its unit: Delegate=pids memory cpu "
                + "(/usr/lib/systemd/system/user@.service) of the controllers at the top, cpuset cpu io memory hugetlb pids "
                + "rdma misc: cpu memory pids", ok.detail());

        // An empty Delegate= in a drop-in resets the list; the instance's drop-in sorts after it by name.
        host.write("/etc/systemd/system/user@.service.d/10-reset.conf", "[Service]\nDelegate=\n");
        host.write("/etc/systemd/system/user@1000.service.d/20-memory.conf", "[Service]\nDelegate=memory\n");
        RootlessFinding reset = host.check("alice").finding("controllers");
        assertEquals(FindingStatus.FAIL, reset.status(), reset.detail());
        assertTrue(reset.detail().contains("missing pids, cpu"), reset.detail());
    }

    @Test
    void delegateYesGivesEveryControllerAndLinesOutsideServiceDoNotCount() {
        Set<String> c = new LinkedHashSet<>();
        assertTrue(Delegation.apply("[Service]\nDelegate=yes\n", c));
        assertEquals(Set.of("*"), c);
        Set<String> none = new LinkedHashSet<>();
        assertFalse(Delegation.apply("[Unit]\nDelegate=memory\n[Install]\nDelegate=pids\n", none));
        assertTrue(none.isEmpty());
        Set<String> merged = new LinkedHashSet<>();
        Delegation.apply("[Service]\nDelegate=pids\nDelegate=memory cpu\n", merged);
        assertEquals(Set.of("pids", "memory", "cpu"), merged);
    }

    @Test
    void theLabBoxsContainersConfDropInIsRead() throws IOException {
        // The lab's own file, as it is: comments, several keys, an empty array.
        host.write("/etc/containers/containers.conf.d/bosun-lab.conf", Files.readString(
                java.nio.file.Path.of(System.getProperty("user.dir")).resolveSibling("lab/box/etc/containers/"
                        + "containers.conf.d/bosun-lab.conf")));
        host.delegated("");
        RootlessFinding f = host.check("alice").finding("controllers");
        assertEquals(FindingStatus.WARN, f.status(), f.detail());
    }
}
