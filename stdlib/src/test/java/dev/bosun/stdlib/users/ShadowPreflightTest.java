package dev.bosun.stdlib.users;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pre-flight's rules one by one on a scratch root (the attack suite tries them with the real tools). */
class ShadowPreflightTest {
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws Exception {
        root = ScratchRoot.fromHostEtc();
    }

    @AfterEach
    void tearDown() throws Exception {
        root.close();
    }

    @Test
    void hostHooksRefuseUnderAnAlternateRoot(@TempDir Path hooks) throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            ShadowPreflight check = new ShadowPreflight(ctx, hooks);
            assertDoesNotThrow(() -> check.hostHooks("useradd"));
            Files.createDirectories(hooks.resolve("useradd-post.d"));
            assertDoesNotThrow(() -> check.hostHooks("useradd"), "an empty hook directory runs nothing");
            Files.writeString(hooks.resolve("useradd-post.d/50-mkdir"), "#!/bin/sh\n");
            BosunException e = assertThrows(BosunException.class, () -> check.hostHooks("useradd"));
            assertEquals("refused under root " + root.dir() + ": the live host's " + hooks
                    + "/useradd-post.d holds hooks that useradd runs on the live system even with --prefix (rule: no "
                    + "host hooks for a user of another root)", e.getMessage());
            assertDoesNotThrow(() -> check.hostHooks("groupadd"));
        }
    }

    @Test
    void theLiveRootIsTheHostsOwnAndIsNotChecked(@TempDir Path hooks, @TempDir Path tmp) throws Exception {
        Files.createDirectories(hooks.resolve("useradd-pre.d"));
        Files.writeString(hooks.resolve("useradd-pre.d/x"), "");
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), true, tmp.resolve("s.db"), "test")) {
            assertDoesNotThrow(() -> new ShadowPreflight(ctx, hooks).hostHooks("useradd")
                    .accountFiles(ShadowPreflight.DATABASES).home("/home/x").skeleton("/etc/skel"));
        }
    }

    @Test
    void aLockBeingTakenRightNowIsLeftAlone() throws Exception {
        // shadow's protocol: <file>.<pid> hard-linked to <file>.lock, link count checked, temp removed.
        Path temp = root.path("/etc/subuid.4242");
        Files.writeString(temp, "4242\0");
        Files.createLink(root.path("/etc/subuid.lock"), temp);
        try (LocalHostContext ctx = root.context(false)) {
            assertDoesNotThrow(() -> ShadowPreflight.of(ctx).accountFiles(List.of("subuid", "subgid")));
            assertEquals(0, ctx.plan().size());
        }
        assertTrue(Files.exists(temp) && Files.exists(root.path("/etc/subuid.lock")));
    }

    @Test
    void aHardLinkedLockThatIsNoLockBeingTakenIsRefused() throws Exception {
        Path elsewhere = root.path("/elsewhere");
        Files.writeString(elsewhere, "secret\n");
        Files.createLink(root.path("/etc/passwd.lock"), elsewhere);
        try (LocalHostContext ctx = root.context(false)) {
            BosunException e = assertThrows(BosunException.class,
                    () -> ShadowPreflight.of(ctx).accountFiles(ShadowPreflight.DATABASES));
            assertEquals("refused under root " + root.dir() + ": /etc/passwd.lock has 2 hard links; the "
                    + "account tools would read it as a lock (rule: the files they touch have exactly one name)", e.getMessage());
        }
    }

    @Test
    void plainStaleTemporariesStayAndSymlinkedOnesGoUnfollowed() throws Exception {
        Files.writeString(root.path("/etc/group+"), "stale\n");
        Files.createSymbolicLink(root.path("/etc/group.99999999"), root.path("/etc/shadow"));
        try (LocalHostContext ctx = root.context(false)) {
            ShadowPreflight.of(ctx).accountFiles(ShadowPreflight.DATABASES);
            assertEquals(List.of("delete /etc/group.99999999"), ctx.plan().changes().stream().map(c -> c.summary()).toList());
        }
        assertTrue(Files.exists(root.path("/etc/group+")), "a plain temporary inside the root harms nobody");
        assertTrue(!Files.exists(root.path("/etc/group.99999999"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isRegularFile(root.path("/etc/shadow")), "the link's target is untouched");
    }

    @Test
    void aFifoWhereATemporaryGoesIsRefused() throws Exception {
        Process p = new ProcessBuilder("mkfifo", root.path("/etc/shadow+").toString()).start();
        assertEquals(0, p.waitFor());
        try (LocalHostContext ctx = root.context(false)) {
            BosunException e = assertThrows(BosunException.class,
                    () -> ShadowPreflight.of(ctx).accountFiles(ShadowPreflight.DATABASES));
            assertTrue(e.getMessage().endsWith("/etc/shadow+ is a FIFO; the account tools create it as a file (rule: their "
                    + "temporaries are regular files or absent)"), e.getMessage());
        }
    }

    @Test
    void configuredPathsMustStayInsideTheRoot() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            ShadowPreflight check = ShadowPreflight.of(ctx);
            assertEquals("/srv/homes", check.configuredPath("HOME in /etc/default/useradd", "/srv/homes"));
            BosunException e = assertThrows(BosunException.class,
                    () -> check.configuredPath("HOME in /etc/default/useradd", "/home/../../etc"));
            assertEquals("refused under root " + root.dir() + ": HOME in /etc/default/useradd is "
                    + "\"/home/../../etc\"; it must be an absolute, normalised path without '.' or '..' segments (the "
                    + "account tools append it to the root as text)", e.getMessage());
        }
    }
}
