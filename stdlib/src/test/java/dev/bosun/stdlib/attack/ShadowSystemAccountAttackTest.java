package dev.bosun.stdlib.attack;

import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import dev.bosun.stdlib.users.RemoveOptions;
import dev.bosun.stdlib.users.ShadowTool;
import dev.bosun.stdlib.users.UserSpec;
import dev.bosun.stdlib.users.UsersModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A script that removes root, a daemon account or nobody: refused under any root unless it says
 * {@code force: true}, with one line naming the value and the rule, before anything runs or is planned.
 */
@Tag("attack")
class ShadowSystemAccountAttackTest {
    private final UsersModule users = new UsersModule();
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(ShadowTool.usable(), "needs root and shadow-utils (userdel --prefix)");
        root = ScratchRoot.fromHostEtc();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (root != null) {
            root.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"root", "daemon", "nobody"})
    void systemAccountsAreRefusedWithoutForce(String name) throws Exception {
        String passwd = root.read("/etc/passwd");
        assumeTrue(passwd.contains("\n" + name + ":") || passwd.startsWith(name + ":"), name + " is not in this host's passwd");
        try (LocalHostContext ctx = root.context(false)) {
            long uid = users.get(ctx, name).uid();
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> users.remove(ctx, name, null));
            assertEquals("name \"" + name + "\" is a system account (uid " + uid + ", outside UID_MIN..UID_MAX = 1000..60000 "
                    + "of /etc/login.defs); removing it needs {force: true}", e.getMessage());
            assertEquals(0, ctx.plan().size());
        }
        assertEquals(passwd, root.read("/etc/passwd"));
    }

    @Test
    void aSystemUserCreatedByAScriptIsProtectedToo() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            users.ensure(ctx, new UserSpec("svc", true, null, null, null, null, null, "/usr/sbin/nologin", null));
            assertThrows(InvalidValueException.class, () -> users.remove(ctx, "svc", new RemoveOptions(null, false)));
            assertTrue(users.remove(ctx, "svc", new RemoveOptions(null, true)).changed());
            assertNull(users.get(ctx, "svc"));
        }
    }

    @Test
    void theRootsOwnLoginDefsDecides() throws Exception {
        // An image whose UID_MIN is 500: uid 700 is a regular user there, removed without force.
        root.write("/etc/login.defs", root.read("/etc/login.defs") + "\nUID_MIN 500\n");
        root.write("/etc/passwd", root.read("/etc/passwd") + "old:x:700:700::/home/old:/bin/sh\n");
        try (LocalHostContext ctx = root.context(false)) {
            assertTrue(users.remove(ctx, "old", null).changed());
        }
    }

    @Test
    void theLiveRootIsGuardedBeforeItsProcessesAreLookedAt(@TempDir Path tmp) {
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), true, tmp.resolve("s.db"), "test")) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> users.remove(ctx, "root", null));
            assertTrue(e.getMessage().startsWith("name \"root\" is a system account (uid 0, outside UID_MIN..UID_MAX"),
                    e.getMessage());
            assertEquals(0, ctx.plan().size());
        }
    }
}
