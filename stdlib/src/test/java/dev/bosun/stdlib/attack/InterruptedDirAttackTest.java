package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.quadlet.QuadletModule;
import dev.bosun.stdlib.quadlet.QuadletOptions;
import dev.bosun.stdlib.quadlet.QuadletUnit;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.bosun.stdlib.attack.PathVictims.NOBODY;
import static dev.bosun.stdlib.attack.PathVictims.chown;
import static dev.bosun.stdlib.attack.PathVictims.fingerprint;
import static dev.bosun.stdlib.attack.PathVictims.userDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The repair of what an interrupted quadlet.install of an older Bosun left ({@code Fs.finishMkdirs}: a root-owned,
 * empty 0700 directory in the user's directories is handed to the user) must never chown anything else: not a
 * directory an attacker's link points at, not a root directory with content, not one with another mode, not a
 * mount point, and not the victim while the user swaps the leftover for a link in a loop.
 */
@Tag("attack")
class InterruptedDirAttackTest {
    private final QuadletModule quadlet = new QuadletModule();

    private QuadletUnit unit() {
        return quadlet.parse(null, "[Container]\nImage=docker.io/library/nginx:1.27\n", new QuadletOptions.Parse("web.container"));
    }

    /** A scratch root where alice (uid 65534) owns her home, and a root-owned, empty 0700 victim directory. */
    private static ScratchRoot rootWithAlice() throws Exception {
        ScratchRoot root = ScratchRoot.empty();
        root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nalice:x:65534:65534::/home/alice:/bin/sh\n");
        root.write("/etc/group", "root:x:0:\nalice:x:65534:\n");
        Files.createDirectories(root.path("/home"));
        userDir(root.path("/home/alice"));
        rootDir0700(root.path("/etc/victim"));
        return root;
    }

    private static Path rootDir0700(Path p) throws Exception {
        Files.createDirectories(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static int uidOf(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void theLeftoverOfAnInterruptedInstallIsHandedToTheUserAndPlanned() throws Exception {
        assumeTrue(isRoot(), "needs files owned by uid 65534, which needs root");
        try (ScratchRoot root = rootWithAlice()) {
            rootDir0700(root.path("/home/alice/.config"));
            String before = fingerprint(root.path("/home"));
            try (LocalHostContext ctx = root.context(true)) {
                assertTrue(quadlet.install(ctx, "alice", unit(), null).changed());
                assertTrue(ctx.plan().changes().stream().anyMatch(c -> c.kind() == Change.Kind.ATTRIBUTES
                        && c.target().equals("/home/alice/.config")), ctx.plan().changes().toString());
            }
            assertEquals(before, fingerprint(root.path("/home")), "a dry-run changes nothing");
            try (LocalHostContext ctx = root.context(false)) {
                assertTrue(quadlet.install(ctx, "alice", unit(), null).changed());
            }
            assertEquals(NOBODY, uidOf(root.path("/home/alice/.config")));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.path("/home/alice/.config"))));
            assertEquals(NOBODY, uidOf(root.path("/home/alice/.config/containers/systemd/web.container")));

            // One level down: ~/.config/containers left root-owned; it gets the unit directory chain's 0755.
            Path containers = root.path("/home/alice/.config/containers");
            PathVictims.remove(containers);
            rootDir0700(containers);
            try (LocalHostContext ctx = root.context(false)) {
                assertTrue(quadlet.install(ctx, "alice", unit(), null).changed());
            }
            assertEquals(NOBODY, uidOf(containers));
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(containers)));
        }
    }

    @Test
    void aLinkARootDirectoryWithContentOrAnotherModeAreNotHandedOver() throws Exception {
        assumeTrue(isRoot(), "needs files owned by uid 65534, which needs root");
        try (ScratchRoot root = rootWithAlice()) {
            Path config = root.path("/home/alice/.config");
            // 1. Her link to a root-owned, empty 0700 directory elsewhere.
            chown(Files.createSymbolicLink(config, root.path("/etc/victim")));
            assertRefusedAndUnchanged(root);
            Files.delete(config);
            // 2. A root-owned 0700 directory that holds something of root's.
            rootDir0700(config);
            Files.writeString(config.resolve("secret"), "root's\n");
            assertRefusedAndUnchanged(root);
            PathVictims.remove(config);
            // 3. A root-owned empty directory of another mode: not what Bosun's mkdir left.
            Files.createDirectories(config);
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertRefusedAndUnchanged(root);
        }
    }

    private void assertRefusedAndUnchanged(ScratchRoot root) throws Exception {
        String before = fingerprint(root.path("/home")) + fingerprint(root.path("/etc/victim"));
        for (boolean dryRun : new boolean[] {true, false}) {
            try (LocalHostContext ctx = root.context(dryRun)) {
                BosunException e = assertThrows(BosunException.class, () -> quadlet.install(ctx, "alice", unit(), null));
                assertTrue(e.getMessage().startsWith("refusing /home/alice/.config") && !e.getMessage().contains("\n"),
                        e.getMessage());
            }
        }
        assertEquals(before, fingerprint(root.path("/home")) + fingerprint(root.path("/etc/victim")));
        assertEquals(0, uidOf(root.path("/etc/victim")));
    }

    @Test
    void swappingTheLeftoverForALinkToTheVictimNeverGetsTheVictimChowned() throws Exception {
        assumeTrue(isRoot(), "needs files owned by uid 65534, which needs root");
        try (ScratchRoot root = rootWithAlice()) {
            Path home = root.path("/home/alice");
            Path config = home.resolve(".config");
            String victimBefore = fingerprint(root.path("/etc/victim"));
            AtomicBoolean stop = new AtomicBoolean();
            Thread swapper = new Thread(() -> {
                // Her moves in her own home: a root-owned leftover and a link of hers take turns under .config.
                Path aside = home.resolve(".aside");
                for (int i = 0; i < 20_000 && !stop.get(); i++) {
                    try {
                        if (!Files.exists(config, LinkOption.NOFOLLOW_LINKS)) {
                            rootDir0700(config);
                        }
                        // Re-armed as Bosun's leftover (a round that Bosun won handed it to her).
                        Files.setAttribute(config, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
                        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwx------"));
                        Files.move(config, aside, StandardCopyOption.ATOMIC_MOVE);
                        chown(Files.createSymbolicLink(config, root.path("/etc/victim")));
                        for (int spin = 0; spin < 2000; spin++) {
                            Thread.onSpinWait();
                        }
                        Files.delete(config);
                        Files.move(aside, config, StandardCopyOption.ATOMIC_MOVE);
                    } catch (Exception lostARace) {
                        // that is the point; go on
                    }
                }
            });
            swapper.start();
            try (LocalHostContext ctx = root.context(false)) {
                for (int i = 0; i < 300; i++) {
                    try {
                        ctx.fs().finishMkdirs("/home/alice/.config", 0700, NOBODY, NOBODY);
                    } catch (BosunException refused) {
                        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
                    }
                }
            } finally {
                stop.set(true);
                swapper.join();
            }
            assertEquals(victimBefore, fingerprint(root.path("/etc/victim")));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
