package dev.bosun.stdlib.rootless;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host-wide findings from fixture roots: runtime, newuidmap/newgidmap, user-namespace sysctls, the network
 * helper, Podman and its generator; the version commands answered as on a live host.
 */
class HostFindingsTest {
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

    private static Map<String, String> versions(String podman, String crun) {
        Map<String, String> m = new HashMap<>();
        m.put("/usr/bin/podman", podman);
        m.put("/usr/bin/crun", crun);
        return m;
    }

    @Test
    void noRuntimeFailsAndRuncAloneIsUsed() throws IOException {
        host.delete("/usr/bin/crun");
        RootlessFinding none = host.check("alice").finding("runtime");
        assertEquals(FindingStatus.FAIL, none.status());
        assertTrue(none.detail().startsWith("\"crun\" (Podman's default) is not installed on /usr/local/sbin:"), none.detail());
        assertTrue(none.remedy().startsWith("install crun (apt install crun"), none.remedy());

        host.program("/usr/bin/runc", "0755");
        RootlessCheckResult r = host.checkLive("alice", Map.of("/usr/bin/runc", "runc version 1.1.15",
                "/usr/bin/podman", "podman version 5.4.2"));
        RootlessFinding runc = r.finding("runtime");
        assertEquals(FindingStatus.OK, runc.status());
        assertEquals("runc version 1.1.15 at /usr/bin/runc (crun, Podman's default, is not installed)", runc.detail());
    }

    @Test
    void aConfiguredRuntimeThatIsMissingOrDoesNotRunFails() throws IOException {
        host.write("/etc/containers/containers.conf", "[engine]\nruntime = \"runc\"\n");
        RootlessFinding missing = host.check("alice").finding("runtime");
        assertEquals(FindingStatus.FAIL, missing.status());
        assertTrue(missing.detail().startsWith("\"runc\" (runtime = \"runc\" in /etc/containers/containers.conf) is not "
                + "installed"), missing.detail());

        host.delete("/etc/containers/containers.conf");
        RootlessFinding broken = host.checkLive("alice", versions("podman version 5.4.2",
                "!error while loading shared libraries: libyajl.so.2")).finding("runtime");
        assertEquals(FindingStatus.FAIL, broken.status());
        assertEquals("crun at /usr/bin/crun does not run: /usr/bin/crun --version exited 1: error while loading shared "
                + "libraries: libyajl.so.2", broken.detail());
    }

    @Test
    void aContainersConfPodmanCannotParseFailsTheRuntimeFinding() throws IOException {
        host.write("/etc/containers/containers.conf.d/broken.conf", "[engine\nruntime = crun\n");
        RootlessFinding f = host.check("alice").finding("runtime");
        assertEquals(FindingStatus.FAIL, f.status());
        assertTrue(f.detail().contains("containers.conf: /etc/containers/containers.conf.d/broken.conf is not valid TOML"),
                f.detail());
    }

    @Test
    void newuidmapWithoutSetuidFailsAndSetuidByAnotherOwnerFails() throws IOException {
        host.sh("chmod", "0755", host.root.path("/usr/bin/newuidmap").toString());
        RootlessFinding plain = host.check("alice").finding("newuidmap");
        assertEquals(FindingStatus.FAIL, plain.status());
        assertEquals("/usr/bin/newuidmap 0755 uid 0: neither setuid nor a file capability, so it cannot write the maps",
                plain.detail());
        assertTrue(plain.remedy().startsWith("chown root:root /usr/bin/newuidmap && chmod u+s /usr/bin/newuidmap"));

        host.sh("chown", "1000", host.root.path("/usr/bin/newgidmap").toString());
        host.sh("chmod", "4755", host.root.path("/usr/bin/newgidmap").toString());
        RootlessFinding owned = host.check("alice").finding("newgidmap");
        assertEquals(FindingStatus.FAIL, owned.status());
        assertTrue(owned.detail().contains("setuid, but owned by uid 1000, not root"), owned.detail());
    }

    @Test
    void newuidmapMissingFailsWithThePackageToInstall() throws IOException {
        host.delete("/usr/bin/newuidmap");
        RootlessFinding f = host.check("alice").finding("newuidmap");
        assertEquals(FindingStatus.FAIL, f.status());
        assertEquals("apt install uidmap (Debian, Ubuntu); dnf install shadow-utils (Fedora)", f.remedy());
    }

    @Test
    void fileCapabilitiesStandInForSetuid() throws IOException {
        Assumptions.assumeTrue(new java.io.File("/usr/sbin/setcap").canExecute(), "setcap (libcap2-bin) is not installed");
        String uidmap = host.root.path("/usr/bin/newuidmap").toString();
        host.sh("chmod", "0755", uidmap);
        host.sh("/usr/sbin/setcap", "cap_setuid=ep", uidmap);
        RootlessFinding ok = host.check("alice").finding("newuidmap");
        assertEquals(FindingStatus.OK, ok.status(), ok.detail());
        assertEquals("/usr/bin/newuidmap 0755 uid 0: file capability cap_setuid=ep", ok.detail());

        host.sh("/usr/sbin/setcap", "cap_setgid=ep", uidmap);
        RootlessFinding wrong = host.check("alice").finding("newuidmap");
        assertEquals(FindingStatus.FAIL, wrong.status());
        assertTrue(wrong.detail().endsWith("its file capabilities do not include cap_setuid, so it cannot write the maps"),
                wrong.detail());

        host.sh("/usr/sbin/setcap", "cap_setuid=p", uidmap);
        RootlessFinding notEffective = host.check("alice").finding("newuidmap");
        assertEquals(FindingStatus.FAIL, notEffective.status());
        assertTrue(notEffective.detail().contains("without the effective flag"), notEffective.detail());
    }

    @Test
    void userNamespaceSysctlsFailWarnOrSkip() throws IOException {
        host.write("/proc/sys/user/max_user_namespaces", "0\n");
        RootlessFinding zero = host.check("alice").finding("userns");
        assertEquals(FindingStatus.FAIL, zero.status());
        assertEquals("user.max_user_namespaces = 0; user.max_user_namespaces is 0: nobody may create a user namespace",
                zero.detail());
        assertTrue(zero.remedy().startsWith("sysctl -w user.max_user_namespaces=28633"), zero.remedy());

        host.write("/proc/sys/user/max_user_namespaces", "63422\n");
        host.write("/proc/sys/kernel/unprivileged_userns_clone", "0\n");
        RootlessFinding debian = host.check("alice").finding("userns");
        assertEquals(FindingStatus.FAIL, debian.status());
        assertTrue(debian.detail().endsWith("kernel.unprivileged_userns_clone is 0: only root may create user namespaces"),
                debian.detail());
        assertEquals("sysctl -w kernel.unprivileged_userns_clone=1 and the same line in /etc/sysctl.d/90-userns.conf",
                debian.remedy());

        host.write("/proc/sys/kernel/unprivileged_userns_clone", "1\n");
        host.write("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "1\n");
        RootlessFinding ubuntu = host.check("alice").finding("userns");
        assertEquals(FindingStatus.WARN, ubuntu.status());
        assertTrue(ubuntu.detail().startsWith("user.max_user_namespaces = 63422, kernel.unprivileged_userns_clone = 1, "
                + "kernel.apparmor_restrict_unprivileged_userns = 1: only programs whose AppArmor profile allows userns"),
                ubuntu.detail());
        assertTrue(ubuntu.remedy().contains("\"userns,\""), ubuntu.remedy());

        host.write("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "0\n");
        assertEquals(FindingStatus.OK, host.check("alice").finding("userns").status());

        host.sh("rm", "-rf", host.root.path("/proc").toString());
        RootlessFinding none = host.check("alice").finding("userns");
        assertEquals(FindingStatus.SKIP, none.status());
        assertEquals("no /proc/sys/user/max_user_namespaces under " + host.root.dir(), none.detail());
    }

    @Test
    void theNetworkHelperFollowsPodmansVersionAndTheConfiguration() throws IOException {
        RootlessFinding pasta = host.checkLive("alice", versions("podman version 5.4.2", "crun version 1.21"))
                .finding("network");
        assertEquals(FindingStatus.OK, pasta.status());
        assertEquals("uses \"pasta\" (Podman 5's default); installed: pasta (/usr/bin/pasta)", pasta.detail());

        RootlessFinding podman4 = host.checkLive("alice", versions("podman version 4.9.3", "crun version 1.14"))
                .finding("network");
        assertEquals(FindingStatus.FAIL, podman4.status());
        assertTrue(podman4.detail().startsWith("uses \"slirp4netns\" (Podman 4's default); installed: pasta"), podman4.detail());
        assertTrue(podman4.remedy().endsWith("or set default_rootless_network_cmd = \"pasta\" in [network] of "
                + "/etc/containers/containers.conf"), podman4.remedy());

        host.write("/home/alice/.config/containers/containers.conf", "[network]\ndefault_rootless_network_cmd = \"pasta\"\n");
        host.sh("chown", "-R", "1000:1000", host.root.path("/home/alice").toString());
        RootlessFinding configured = host.checkLive("alice", versions("podman version 4.9.3", "crun version 1.14"))
                .finding("network");
        assertEquals(FindingStatus.OK, configured.status(), configured.detail());
        assertTrue(configured.detail().contains("in /home/alice/.config/containers/containers.conf"), configured.detail());

        host.delete("/usr/bin/pasta");
        RootlessFinding neither = host.check("alice").finding("network");
        assertEquals(FindingStatus.FAIL, neither.status());
        assertTrue(neither.detail().endsWith("installed: neither: containers get no network (only --network none works)"),
                neither.detail());
    }

    @Test
    void debian12sPodmanHasNoQuadletAndBothFindingsSaySo() throws IOException {
        host.delete("/usr/lib/systemd/user-generators/podman-user-generator");
        host.delete("/usr/lib/systemd/system-generators/podman-system-generator");
        host.delete("/usr/libexec/podman/quadlet");
        RootlessCheckResult r = host.checkLive("alice", versions("podman version 4.3.1", "crun version 1.8.1"));
        RootlessFinding podman = r.finding("podman");
        assertEquals(FindingStatus.FAIL, podman.status());
        assertEquals("podman version 4.3.1 at /usr/bin/podman: Quadlet arrived in 4.4, so Quadlet units would never be read",
                podman.detail());
        RootlessFinding quadlet = r.finding("quadlet");
        assertEquals(FindingStatus.FAIL, quadlet.status());
        assertTrue(quadlet.detail().startsWith("Podman 4.3.1 has no Quadlet (4.4 or later has): units in "
                + "~/.config/containers/systemd would never be read"), quadlet.detail());
        assertTrue(quadlet.remedy().contains("Debian 12's 4.3.1 has no Quadlet"), quadlet.remedy());
        assertEquals("4.3.1", r.podmanVersion());
    }

    @Test
    void aQuadletBinaryWithoutItsUserGeneratorLinkFails() throws IOException {
        host.delete("/usr/lib/systemd/user-generators/podman-user-generator");
        RootlessFinding f = host.check("alice").finding("quadlet");
        assertEquals(FindingStatus.FAIL, f.status());
        assertTrue(f.detail().startsWith("/usr/libexec/podman/quadlet is there, but no podman-user-generator"), f.detail());
        assertTrue(f.remedy().startsWith("ln -s /usr/libexec/podman/quadlet /usr/lib/systemd/user-generators/"
                + "podman-user-generator"), f.remedy());

        host.link("/usr/lib/systemd/user-generators/podman-user-generator", "../../../libexec/podman/quadlet");
        host.sh("chmod", "0644", host.root.path("/usr/libexec/podman/quadlet").toString());
        RootlessFinding notExecutable = host.check("alice").finding("quadlet");
        assertEquals(FindingStatus.FAIL, notExecutable.status());
        assertTrue(notExecutable.detail().contains("is not executable (mode 0644)"), notExecutable.detail());
    }

    @Test
    void theGeneratorLinkIsFollowedInsideTheRoot() {
        RootlessFinding f = host.check("alice").finding("quadlet");
        assertEquals("/usr/lib/systemd/user-generators/podman-user-generator -> /usr/libexec/podman/quadlet; system "
                + "generator /usr/lib/systemd/system-generators/podman-system-generator present", f.detail());
    }

    @Test
    void podmanMissingOrBrokenFails() throws IOException {
        RootlessFinding broken = host.checkLive("alice", versions("!cannot execute binary file", "crun version 1.21"))
                .finding("podman");
        assertEquals(FindingStatus.FAIL, broken.status());
        assertEquals("podman at /usr/bin/podman does not run: /usr/bin/podman --version exited 1: cannot execute binary file",
                broken.detail());
        host.delete("/usr/bin/podman");
        RootlessCheckResult r = host.check("alice");
        assertEquals(FindingStatus.FAIL, r.finding("podman").status());
        assertTrue(r.finding("podman").remedy().startsWith("apt install podman;"), r.finding("podman").remedy());
        assertNull(r.podmanVersion());
    }

    @Test
    void versionsAreParsedAndCompared() {
        assertEquals(new PodmanVersion(5, 4, 2), PodmanVersion.parse("podman version 5.4.2"));
        assertEquals(new PodmanVersion(4, 4, 0), PodmanVersion.parse("podman version 4.4"));
        assertTrue(PodmanVersion.parse("podman version 4.4.0-rc1").hasQuadlet());
        assertTrue(!PodmanVersion.parse("podman version 4.3.1").hasQuadlet());
        assertNull(PodmanVersion.parse("no numbers"));
    }
}
