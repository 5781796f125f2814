package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.api.WriteOptions;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.quadlet.QuadletModule;
import dev.bosun.stdlib.quadlet.QuadletOptions;
import dev.bosun.stdlib.quadlet.QuadletUnit;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

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
 * A user who makes {@code ~/.config} a symlink to {@code /etc} must not get root's Quadlet directory
 * through {@code quadlet.install(user, ...)}, nor have root read, list or remove root's units through it.
 * Once in a scratch root (the user really owns their home and link: uid 65534), once on the live root
 * with a user-owned directory in /tmp and a root-owned victim directory beside it.
 */
@Tag("attack")
class PathQuadletLinkAttackTest {
    private static final String ROOT_UNIT = "[Container]\nImage=docker.io/library/postgres:16\n";
    private final QuadletModule quadlet = new QuadletModule();

    private QuadletUnit unit() {
        return quadlet.parse(null, "[Container]\nImage=docker.io/library/nginx:1.27\nExec=/bin/sh -c id\n",
                new QuadletOptions.Parse("evil.container"));
    }

    /** A scratch root where alice (uid 65534) owns her home and root has a unit of its own. */
    private static ScratchRoot rootWithAlice() throws Exception {
        ScratchRoot root = ScratchRoot.empty();
        root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nalice:x:65534:65534::/home/alice:/bin/sh\n");
        root.write("/etc/group", "root:x:0:\nalice:x:65534:\n");
        root.write("/etc/containers/systemd/db.container", ROOT_UNIT);
        Files.createDirectories(root.path("/home"));
        userDir(root.path("/home/alice"));
        return root;
    }

    @ParameterizedTest(name = "~/.config -> {0}")
    @ValueSource(strings = {"/etc", "../../etc", "/home/../etc"})
    void aConfigLinkToEtcIsRefusedForInstallListReadAndRemove(String target) throws Exception {
        assumeTrue(isRoot(), "the attack needs files owned by uid 65534, which needs root");
        try (ScratchRoot root = rootWithAlice()) {
            chown(Files.createSymbolicLink(root.path("/home/alice/.config"), Path.of(target)));
            String etcBefore = fingerprint(root.path("/etc"));
            for (boolean dryRun : List.of(true, false)) {
                try (LocalHostContext ctx = root.context(dryRun)) {
                    assertRefused(ctx, c -> quadlet.install(c, "alice", unit(), null));
                    assertRefused(ctx, c -> quadlet.list(c, "alice"));
                    assertRefused(ctx, c -> quadlet.read(c, "alice", "db.container"));
                    assertRefused(ctx, c -> quadlet.remove(c, "alice", "db.container"));
                    assertEquals(0, ctx.plan().size(), "nothing planned: " + ctx.plan().changes());
                }
            }
            assertEquals(etcBefore, fingerprint(root.path("/etc")));
            assertEquals(ROOT_UNIT, root.read("/etc/containers/systemd/db.container"));
        }
    }

    @Test
    void aLinkDeeperInTheUsersTreeAndARootFileInTheirDirectoryAreRefusedToo() throws Exception {
        assumeTrue(isRoot(), "the attack needs files owned by uid 65534, which needs root");
        try (ScratchRoot root = rootWithAlice()) {
            userDir(root.path("/home/alice/.config"));
            chown(Files.createSymbolicLink(root.path("/home/alice/.config/containers"), Path.of("/etc/containers")));
            String etcBefore = fingerprint(root.path("/etc"));
            try (LocalHostContext ctx = root.context(false)) {
                BosunException e = assertThrows(BosunException.class, () -> quadlet.install(ctx, "alice", unit(), null));
                assertEquals("refusing /home/alice/.config/containers: a link owned by uid 65534 leads to a directory"
                        + " owned by root (unsafe path transition)", e.getMessage());
            }
            assertEquals(etcBefore, fingerprint(root.path("/etc")));

            // Alice's quadlet directory holding a file of root's (a hard link to a root unit, say): root never
            // reads it back into a plan, nor removes it on her behalf.
            Files.delete(root.path("/home/alice/.config/containers"));
            userDir(root.path("/home/alice/.config/containers/systemd"));
            chown(root.path("/home/alice/.config/containers"));
            Files.writeString(root.path("/home/alice/.config/containers/systemd/db.container"), ROOT_UNIT);
            try (LocalHostContext ctx = root.context(false)) {
                BosunException e = assertThrows(BosunException.class, () -> quadlet.read(ctx, "alice", "db.container"));
                assertEquals("refusing /home/alice/.config/containers/systemd/db.container: a directory owned by uid 65534"
                        + " holds a file owned by root (unsafe path transition)", e.getMessage());
                assertRefused(ctx, c -> quadlet.remove(c, "alice", "db.container"));
                // Her own units are still hers to manage, and the plan's preview of the generated services
                // (which reads her directory) skips root's file instead of reading it into the plan.
                assertTrue(quadlet.install(ctx, "alice", unit(), null).changed());
                assertTrue(ctx.plan().changes().stream().anyMatch(c -> c.target().equals("evil.service (generated)")));
                assertTrue(ctx.plan().changes().stream().noneMatch(c -> String.valueOf(c.diff()).contains("postgres")
                        || c.summary().contains("postgres") || c.target().contains("db.")), ctx.plan().changes().toString());
            }
            assertEquals(ROOT_UNIT, root.read("/home/alice/.config/containers/systemd/db.container"));
        }
    }

    @Test
    void onTheLiveRootAUsersLinkToARootOwnedDirectoryInTmpIsRefused() throws Exception {
        assumeTrue(isRoot(), "the attack needs files owned by uid 65534, which needs root");
        Path base = PathVictims.base("bosun-attack-live-");
        try {
            Path victim = PathVictims.victimDir(base);
            Path alice = userDir(base.resolve("alice"));
            chown(Files.createSymbolicLink(alice.resolve(".config"), victim));
            String before = fingerprint(victim);
            String config = alice.resolve(".config").toString();
            try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, base.resolve("state.db"), "attack")) {
                String refusal = "refusing " + config + ": a link owned by uid 65534 leads to a directory owned by root"
                        + " (unsafe path transition)";
                assertEquals(refusal, assertThrows(BosunException.class, () -> ctx.fs().mkdirs(
                        config + "/containers/systemd", 0755, NOBODY, NOBODY)).getMessage());
                assertEquals(refusal, assertThrows(BosunException.class, () -> ctx.fs().write(config + "/secret",
                        "owned", WriteOptions.mode(0644).withOwner(NOBODY, NOBODY))).getMessage());
                assertEquals(refusal, assertThrows(BosunException.class, () -> ctx.fs().read(config + "/secret"))
                        .getMessage());
                assertEquals(refusal, assertThrows(BosunException.class, () -> ctx.fs().setAttributes(config + "/secret",
                        0644, NOBODY, NOBODY)).getMessage());
                assertEquals(refusal, assertThrows(BosunException.class, () -> ctx.fs().delete(config + "/secret"))
                        .getMessage());
                assertEquals(refusal, assertThrows(BosunException.class, () -> ctx.fs().deleteTree(config + "/secret"))
                        .getMessage());
                assertEquals(refusal, assertThrows(BosunException.class, () -> ctx.fs().list(config)).getMessage());
            }
            assertEquals(before, fingerprint(victim));
            assertFalse(Files.exists(base.resolve("state.db")), "a refused call creates nothing");
        } finally {
            PathVictims.remove(base);
        }
    }

    private static void assertRefused(LocalHostContext ctx, Consumer<LocalHostContext> call) {
        BosunException e = assertThrows(BosunException.class, () -> call.accept(ctx));
        assertTrue(e.getMessage().startsWith("refusing /home/alice/.config")
                && e.getMessage().endsWith(" (unsafe path transition)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
