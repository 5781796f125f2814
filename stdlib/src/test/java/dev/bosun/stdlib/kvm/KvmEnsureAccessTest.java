package dev.bosun.stdlib.kvm;

import dev.bosun.api.Change;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kvm.ensureAccess (through groups.ensure/addMember) with the real groupadd/usermod --prefix on a scratch copy of the host's account files. */
class KvmEnsureAccessTest {
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "shadow-utils with --prefix needs root");
        root = ScratchRoot.fromHostEtc();
        try (LocalHostContext ctx = root.context(false)) {
            Assumptions.assumeTrue(ctx.exec().available("groupadd"), "shadow-utils not installed (package passwd)");
        }
        // The host may have a kvm group; these tests start from a root without one.
        root.write("/etc/group", without(root.read("/etc/group"), "kvm") + "alice:x:1500:\n");
        root.write("/etc/gshadow", without(root.read("/etc/gshadow"), "kvm") + "alice:!::\n");
        root.write("/etc/passwd", root.read("/etc/passwd") + "alice:x:1500:1500::/home/alice:/bin/sh\n");
        root.write("/etc/shadow", root.read("/etc/shadow") + "alice:!:20000:0:99999:7:::\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (root != null) {
            root.close();
        }
    }

    private static String without(String text, String name) {
        StringBuilder sb = new StringBuilder();
        text.lines().filter(l -> !l.startsWith(name + ":")).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    private Map<String, String> accountFiles() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : List.of("passwd", "group", "shadow", "gshadow")) {
            m.put(f, root.read("/etc/" + f));
        }
        return m;
    }

    @Test
    void createsTheSystemGroupAddsTheUserAndIsIdempotent() throws IOException {
        try (LocalHostContext ctx = root.context(false)) {
            KvmAccessResult r = new KvmModule().ensureAccess(ctx, "alice");
            assertTrue(r.changed());
            assertTrue(r.groupCreated());
            assertEquals("kvm", r.group());
            assertTrue(r.gid() < 1000, "a system gid: " + r.gid());
            assertTrue(root.read("/etc/group").contains("\nkvm:x:" + r.gid() + ":alice\n"), root.read("/etc/group"));
            assertTrue(root.read("/etc/gshadow").contains("\nkvm:!::alice\n"), root.read("/etc/gshadow"));
            assertEquals("alice must log out and back in for group kvm to apply", r.note());
            assertTrue(ctx.plan().changes().stream().anyMatch(c -> c.kind() == Change.Kind.NOTE));

            Map<String, String> before = accountFiles();
            int planned = ctx.plan().size();
            KvmAccessResult again = new KvmModule().ensureAccess(ctx, "alice");
            assertFalse(again.changed());
            assertFalse(again.groupCreated());
            assertEquals(r.gid(), again.gid());
            assertEquals(before, accountFiles());
            assertEquals(planned, ctx.plan().size());

            KvmCheck group = new KvmModule().check(ctx, new CheckOptions("alice")).check("kvmGroup");
            assertEquals(CheckStatus.PASS, group.status());
            assertTrue(group.detail().endsWith("alice is a member"), group.detail());
        }
    }

    @Test
    void anExistingGroupIsReused() throws IOException {
        root.write("/etc/group", root.read("/etc/group") + "kvm:x:990:\n");
        root.write("/etc/gshadow", root.read("/etc/gshadow") + "kvm:!::\n");
        try (LocalHostContext ctx = root.context(false)) {
            KvmAccessResult r = new KvmModule().ensureAccess(ctx, "alice");
            assertTrue(r.changed());
            assertFalse(r.groupCreated());
            assertEquals(990, r.gid());
            assertTrue(root.read("/etc/group").contains("\nkvm:x:990:alice\n"));
        }
    }

    @Test
    void dryRunPlansTheCommandsAndChangesNothing() throws IOException {
        Map<String, String> before = accountFiles();
        try (LocalHostContext ctx = root.context(true)) {
            KvmAccessResult r = new KvmModule().ensureAccess(ctx, "alice");
            assertTrue(r.changed());
            assertTrue(r.groupCreated());
            List<String> commands = ctx.plan().changes().stream().filter(c -> c.kind() == Change.Kind.EXEC)
                    .map(Change::summary).toList();
            assertEquals(2, commands.size(), commands.toString());
            assertTrue(commands.get(0).startsWith("groupadd --prefix " + root.dir() + " -r kvm"), commands.get(0));
            assertTrue(commands.get(1).startsWith("usermod --prefix " + root.dir() + " -a -G kvm alice"), commands.get(1));
            assertTrue(ctx.plan().changes().stream().anyMatch(c -> c.target().equals("/etc/group") && c.diff() != null
                    && c.diff().contains("+kvm:x:")));
        }
        assertEquals(before, accountFiles());
    }

    @Test
    void aBadNameIsRefusedBeforeAnythingRuns() throws IOException {
        Map<String, String> before = accountFiles();
        try (LocalHostContext ctx = root.context(false)) {
            InvalidValueException bad = assertThrows(InvalidValueException.class,
                    () -> new KvmModule().ensureAccess(ctx, "Web/1"));
            // ensureAccess applies the users module's name rule, the one groups.addMember enforces.
            assertEquals("user \"Web/1\" must match [a-z_][a-z0-9_-]*[$]? (at most 32 characters)", bad.getMessage());
            InvalidValueException missing = assertThrows(InvalidValueException.class,
                    () -> new KvmModule().ensureAccess(ctx, "ghost"));
            assertEquals("user \"ghost\" is not a user in " + root.dir().resolve("etc/passwd"), missing.getMessage());
            InvalidValueException absent = assertThrows(InvalidValueException.class,
                    () -> new KvmModule().ensureAccess(ctx, null));
            assertEquals("user is required", absent.getMessage());
            assertEquals(0, ctx.plan().size());
        }
        assertEquals(before, accountFiles());
    }

    @Test
    void theNoteSaysWhenTheDeviceIsNotGroupAccessible() throws IOException {
        Files.createDirectories(root.path("/dev"));
        KvmFixtureTest.run(root, "mknod", "-m", "0600", root.path("/dev/kvm").toString(), "c", "10", "232");
        try (LocalHostContext ctx = root.context(false)) {
            KvmAccessResult r = new KvmModule().ensureAccess(ctx, "alice");
            assertTrue(r.note().contains("/dev/kvm is crw------- root:root, so the group grants nothing yet: add the udev rule "
                    + "KERNEL==\"kvm\", GROUP=\"kvm\", MODE=\"0660\""), r.note());
        }
    }
}
