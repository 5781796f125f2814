package dev.bosun.stdlib.rootless;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The findings about one user, from fixture roots: sub-IDs, /dev/net/tun access, linger, XDG_RUNTIME_DIR. */
class UserFindingsTest {
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
    void noSubIdsFailFewWarnAndRangesByNumericUidCount() throws IOException {
        host.write("/etc/subuid", "bob:100000:65536\n");
        RootlessFinding none = host.check("alice").finding("subuid");
        assertEquals(FindingStatus.FAIL, none.status());
        assertEquals("no range for alice (uid 1000) in /etc/subuid: Podman maps only the user's own uid and images with "
                + "files of other owners fail to unpack", none.detail());
        assertTrue(none.remedy().startsWith("subids.allocate(\"alice\") (a free range of 65536"), none.remedy());

        host.write("/etc/subuid", "alice:100000:1000\n");
        RootlessFinding few = host.check("alice").finding("subuid");
        assertEquals(FindingStatus.WARN, few.status());
        assertEquals("100000-100999 (line 1): 1000 IDs, fewer than 65536: images with files owned by uids at or above "
                + "1000 fail to unpack", few.detail());

        // newuidmap accepts the numeric uid as the owner; two ranges add up.
        host.write("/etc/subuid", "# comment\n1000:100000:32768\nalice:200000:32768\n");
        RootlessFinding two = host.check("alice").finding("subuid");
        assertEquals(FindingStatus.OK, two.status(), two.detail());
        assertEquals("100000-132767 (line 2), 200000-232767 (line 3): 65536 IDs", two.detail());

        host.delete("/etc/subgid");
        assertEquals(FindingStatus.FAIL, host.check("alice").finding("subgid").status());
    }

    @Test
    void tunAccessIsDecidedForTheUserNotForRoot() throws IOException {
        host.node("/dev/net/tun", "0600", 10, 200);
        RootlessFinding closed = host.check("alice").finding("tun");
        assertEquals(FindingStatus.FAIL, closed.status());
        assertEquals("/dev/net/tun is crw------- root:root 10:200; alice cannot open it read+write as other: ---: pasta "
                + "and slirp4netns fail, so containers get no network (only --network none works)", closed.detail());
        assertTrue(closed.remedy().startsWith("chmod 0666 /dev/net/tun"), closed.remedy());

        host.sh("chgrp", "1000", host.root.path("/dev/net/tun").toString());
        host.sh("chmod", "0660", host.root.path("/dev/net/tun").toString());
        RootlessFinding group = host.check("alice").finding("tun");
        assertEquals(FindingStatus.OK, group.status(), group.detail());
        assertTrue(group.detail().endsWith("alice may open it read+write through group alice (gid 1000): rw-"), group.detail());
    }

    @Test
    void tunMissingOrNotTheTunDeviceFails() throws IOException {
        host.delete("/dev/net/tun");
        RootlessFinding missing = host.check("alice").finding("tun");
        assertEquals(FindingStatus.FAIL, missing.status());
        assertTrue(missing.remedy().startsWith("modprobe tun"), missing.remedy());

        host.node("/dev/net/tun", "0666", 1, 3);
        RootlessFinding other = host.check("alice").finding("tun");
        assertEquals(FindingStatus.FAIL, other.status());
        assertTrue(other.detail().endsWith("1:3, not the tun device (char 10:200)"), other.detail());
    }

    @Test
    void noLingerIsAWarningWithTheCall() throws IOException {
        host.delete("/var/lib/systemd/linger/alice");
        RootlessFinding f = host.check("alice").finding("linger");
        assertEquals(FindingStatus.WARN, f.status());
        assertEquals("users.linger(\"alice\", true), or loginctl enable-linger alice", f.remedy());
        assertTrue(f.detail().startsWith("no /var/lib/systemd/linger/alice: alice's manager, and with it every Quadlet "
                + "service, starts only at a login"), f.detail());
    }

    @Test
    void theRuntimeDirMustBeTheUsersOwnAndPrivate() throws IOException {
        String dir = host.root.path("/run/user/1000").toString();
        assertEquals("/run/user/1000 is a directory mode 0700 owned by uid 1000",
                host.check("alice").finding("runtimeDir").detail());

        host.sh("chmod", "0755", dir);
        RootlessFinding open = host.check("alice").finding("runtimeDir");
        assertEquals(FindingStatus.WARN, open.status());
        assertEquals("chmod 0700 /run/user/1000", open.remedy());

        host.sh("chown", "1001", dir);
        RootlessFinding bobs = host.check("alice").finding("runtimeDir");
        assertEquals(FindingStatus.FAIL, bobs.status());
        assertTrue(bobs.detail().endsWith("owned by uid 1001, not by alice (uid 1000): Podman refuses a runtime directory "
                + "the user does not own"), bobs.detail());

        host.sh("rm", "-rf", dir);
        RootlessFinding lingering = host.check("alice").finding("runtimeDir");
        assertEquals(FindingStatus.WARN, lingering.status());
        assertTrue(lingering.detail().startsWith("no /run/user/1000: lingering is on"), lingering.detail());
        assertEquals("systemctl start user@1000.service", lingering.remedy());

        host.delete("/var/lib/systemd/linger/alice");
        RootlessFinding notLingering = host.check("alice").finding("runtimeDir");
        assertEquals("users.linger(\"alice\", true)", notLingering.remedy());
        assertTrue(Files.notExists(host.root.path("/run/user/1000")), "the check made nothing");
    }
}
