package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import dev.bosun.stdlib.users.ShadowTool;
import dev.bosun.stdlib.users.UserSpec;
import dev.bosun.stdlib.users.UsersModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Races against the pre-flight: an unprivileged user (nobody, uid 65534) who can write a directory of the
 * root swaps a symbolic link in and out of the names useradd opens, in a loop of a bounded number of
 * iterations, while Bosun runs users.ensure. A check made before the tool runs cannot win such a race on its
 * own; what closes it is the rule that every directory on the tools' paths belongs to root and is not group-
 * or world-writable, so such a root is refused before anything runs, whatever the racer does.
 */
@Tag("attack")
class ShadowRaceAttackTest {
    private static final int ITERATIONS = 2_000;
    private final UsersModule users = new UsersModule();
    private ScratchRoot root;
    private VictimDir victims;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(ShadowTool.usable(), "needs root and shadow-utils (useradd --prefix)");
        assumeTrue(ShadowTool.exec(List.of("setpriv", "--version")).rc() == 0, "needs setpriv (util-linux)");
        root = ScratchRoot.fromHostEtc();
        root.write("/etc/skel/.profile", "# skeleton\n");
        // nobody must reach the root to race in it: the root itself stays root's, 0755.
        Files.setPosixFilePermissions(root.dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        victims = VictimDir.create();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (root != null) {
            root.close();
        }
        if (victims != null) {
            victims.close();
        }
    }

    @Test
    void aWorldWritableEtcIsRefusedWhileAUserSwapsLinksInIt() throws Exception {
        Files.setPosixFilePermissions(root.path("/etc"), PosixFilePermissions.fromString("rwxrwxrwx"));
        race(root.path("/etc/passwd+"), "refused under root " + root.dir() + ": /etc belongs to uid 0 with mode 0777; "
                + "someone other than root could swap its entries while the account tools run (rule: directories on "
                + "their paths belong to root and are not group- or world-writable)");
    }

    @Test
    void anEtcOwnedByAnotherUserIsRefusedWhileItsOwnerSwapsLinks() throws Exception {
        // Refused already when Bosun reads etc/passwd (the file layer's CHASE_SAFE rule), before any tool.
        ShadowTool.exec(List.of("chown", "65534:65534", root.path("/etc").toString()));
        race(root.path("/etc/passwd+"), "refusing /etc/passwd: a directory owned by uid 65534 holds a file owned by root");
    }

    @Test
    void aWorldWritableHomeBaseIsRefusedWhileAUserSwapsTheNewHomeForALink() throws Exception {
        Files.setPosixFilePermissions(root.path("/home"), PosixFilePermissions.fromString("rwxrwxrwx"));
        race(root.path("/home/bob"), "refused under root " + root.dir() + ": /home belongs to uid 0 with mode 0777; "
                + "someone other than root could swap its entries while the account tools run (rule: directories on "
                + "their paths belong to root and are not group- or world-writable)");
    }

    /**
     * Starts the racer as nobody, runs users.ensure, waits for the racer's last iteration, checks everything.
     * {@code expected} is the start of the one-line refusal.
     */
    private void race(Path swapped, String expected) throws Exception {
        Map<String, String> before = victims.fingerprint();
        Process racer = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
                "/bin/sh", "-c", "i=0; while [ $i -lt " + ITERATIONS + " ]; do ln -sfn \"$1\" \"$2\"; rm -f \"$2\"; "
                + "i=$((i+1)); done", "racer", victims.path("outside-home").toString(), swapped.toString())
                .redirectErrorStream(true).start();
        try (LocalHostContext ctx = root.context(false)) {
            BosunException e = assertThrows(BosunException.class, () -> users.ensure(ctx,
                    new UserSpec("bob", null, null, null, null, null, true, "/bin/sh", null)));
            assertTrue(e.getMessage().startsWith(expected), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(0, ctx.plan().size(), "refused before anything was planned");
        } finally {
            assertTrue(racer.waitFor(120, TimeUnit.SECONDS), "the racer finishes its iterations");
            String out = new String(racer.getInputStream().readAllBytes());
            assertEquals(0, racer.exitValue(), "the racer could write where it raced: " + out);
        }
        assertFalse(root.read("/etc/passwd").contains("bob:"), "useradd never ran");
        assertEquals(before, victims.fingerprint(), "a victim outside the root changed");
    }
}
