package dev.bosun.stdlib.subids;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import dev.bosun.stdlib.users.RootSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubIdsModuleTest {
    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            alice:x:1000:1000::/home/alice:/bin/sh
            bob:x:1001:1001::/home/bob:/bin/sh
            qm-app:x:998:998::/home/qm-app:/bin/false
            qm-app-1000:x:1002:1002::/home/x:/bin/false
            """;
    private final SubIdsModule subids = new SubIdsModule();
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws Exception {
        root = ScratchRoot.empty();
        root.write("/etc/passwd", PASSWD);
        root.write("/etc/group", "root:x:0:\n");
        root.write("/etc/subuid", "ghost:100000:65536\nx:165536:1000\n# comment\n");
        root.write("/etc/subgid", "ghost:100000:65536\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        root.close();
    }

    @Test
    void allocateAppendsWithShadowsProtocolAndIsIdempotent() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            Allocation a = subids.allocate(ctx, "alice", null);
            assertTrue(a.changed());
            assertEquals(166536, a.uid().start());
            assertEquals(165536, a.gid().start());
            assertEquals("ghost:100000:65536\nx:165536:1000\n# comment\nalice:166536:65536\n", root.read("/etc/subuid"));
            assertEquals("ghost:100000:65536\nx:165536:1000\n# comment\n", root.read("/etc/subuid-"), "backup");
            assertFalse(Files.exists(root.path("/etc/subuid.lock")));
            assertFalse(Files.exists(root.path("/etc/subuid+")));
            RootSnapshot before = RootSnapshot.of(root.dir());
            Allocation again = subids.allocate(ctx, "alice", null);
            assertFalse(again.changed());
            assertEquals(a.uid(), again.uid());
            assertEquals(before, RootSnapshot.of(root.dir()));
            UserSubIds of = subids.of(ctx, "alice");
            assertEquals(List.of(a.uid()), of.uid());
            assertEquals(List.of(a.gid()), of.gid());
        }
    }

    @Test
    void dryRunPlansTheDiffAndChangesNothing() throws Exception {
        RootSnapshot before = RootSnapshot.of(root.dir());
        try (LocalHostContext ctx = root.context(true)) {
            Allocation a = subids.allocate(ctx, "alice", null);
            Change c = ctx.plan().changes().stream().filter(x -> x.target().equals("/etc/subuid")).findFirst().orElseThrow();
            assertTrue(c.diff().contains("+alice:166536:65536"), c.diff());
            assertEquals(a.uid(), subids.of(ctx, "alice").uid().getFirst(), "later reads see the plan");
        }
        assertEquals(before, RootSnapshot.of(root.dir()));
    }

    @Test
    void deterministicPlacementAndItsErrors() throws Exception {
        root.write("/etc/subuid", "ghost:100000:65536\n");
        try (LocalHostContext ctx = root.context(false)) {
            Allocation bob = subids.allocate(ctx, "bob", new AllocateOptions(null, Strategy.DETERMINISTIC));
            assertEquals(100000 + 65536, bob.uid().start());
            assertEquals(165536, bob.gid().start());
            // alice's deterministic range (100000+) overlaps ghost's.
            BosunException overlap = assertThrows(BosunException.class,
                    () -> subids.allocate(ctx, "alice", new AllocateOptions(null, Strategy.DETERMINISTIC)));
            assertEquals("deterministic range 100000-165535 of alice overlaps \"ghost\"'s range 100000-165535 "
                    + "(/etc/subuid line 1); release that range or use strategy first-fit", overlap.getMessage());
            BosunException system = assertThrows(BosunException.class,
                    () -> subids.allocate(ctx, "qm-app", new AllocateOptions(null, Strategy.DETERMINISTIC)));
            assertTrue(system.getMessage().startsWith("deterministic placement needs a uid within UID_MIN..UID_MAX (1000..60000)"));
        }
        root.write("/etc/login.defs", "SUB_UID_MAX 200000\n");
        try (LocalHostContext ctx = root.context(false)) {
            BosunException overflow = assertThrows(BosunException.class,
                    () -> subids.allocate(ctx, "bob", new AllocateOptions(70000L, Strategy.DETERMINISTIC)));
            assertTrue(overflow.getMessage().contains("would end beyond SUB_UID_MAX 200000"), overflow.getMessage());
        }
    }

    @Test
    void releaseRemovesOnlyThatOwnersLines() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            Released r = subids.release(ctx, "ghost");
            assertTrue(r.changed());
            assertEquals(2, r.removed().size());
            assertEquals("x:165536:1000\n# comment\n", root.read("/etc/subuid"));
            assertEquals("", root.read("/etc/subgid"));
            assertFalse(subids.release(ctx, "ghost").changed());
        }
    }

    @Test
    void checkReportsEachProblemWithItsLine() throws Exception {
        root.write("/etc/subuid", """
                alice:100000:65536
                bob:150000:65536
                # fine
                ghost:300000:10
                garbage line
                alice:50:10
                """);
        root.write("/etc/subgid", "alice:100000:65536\nalice:50:10\nbob:400000:65536\n");
        try (LocalHostContext ctx = root.context(false)) {
            List<Finding> f = subids.check(ctx);
            assertTrue(f.contains(new Finding("/etc/subuid", 2, "overlap", "range 150000-215535 of \"bob\" overlaps "
                    + "range 100000-165535 of \"alice\" (line 1); both users' containers can reach the same host IDs")), f.toString());
            assertTrue(f.contains(new Finding("/etc/subuid", 4, "orphan", "owner \"ghost\" is not a user in /etc/passwd; "
                    + "range 300000-300009 still blocks allocation")), f.toString());
            assertTrue(f.contains(new Finding("/etc/subuid", 5, "malformed",
                    "\"garbage line\" is not owner:start:count; shadow-utils ignores the line")), f.toString());
            assertTrue(f.contains(new Finding("/etc/subuid", 6, "out-of-range", "range 50-59 of \"alice\" lies outside "
                    + "SUB_UID_MIN..SUB_UID_MAX (100000..600100000)")), f.toString());
            assertTrue(f.stream().anyMatch(x -> x.problem().equals("mismatch") && x.line() == 3
                    && x.explanation().startsWith("sub-GIDs of \"bob\" (400000-465535) differ")), f.toString());
            assertTrue(f.stream().anyMatch(x -> x.problem().equals("mismatch") && x.line() == 4
                    && x.explanation().startsWith("\"ghost\" has sub-UIDs but no sub-GIDs")), f.toString());
            assertTrue(f.contains(new Finding("/etc/subuid", 6, "duplicate", "\"alice\" is listed again (first on line 1); "
                    + "newuidmap grants every listed range, but ID maps use only 100000-165535")), f.toString());
            assertTrue(f.contains(new Finding("/etc/subgid", 2, "duplicate", "\"alice\" is listed again (first on line 1); "
                    + "newuidmap grants every listed range, but ID maps use only 100000-165535")), f.toString());
            assertEquals(9, f.size(), f.toString());
        }
    }

    @Test
    void rangesOnLinesShadowSkipsForABlemishAreNeverHandedOutAndAreReported() throws Exception {
        // What a person sees: 100000-165535 taken by alice, 165536-231071 by bob. What shadow reads: only bob's
        // BOM-prefixed line, owned by nobody; useradd would hand alice's range to the next user.
        root.write("/etc/subuid", "alice:100000:65536\r\n\uFEFFbob:165536:65536\ncarol : 231072 : 65536\n");
        root.write("/etc/subgid", "");
        try (LocalHostContext ctx = root.context(false)) {
            Allocation a = subids.allocate(ctx, "bob", null);
            assertEquals(296608, a.uid().start(), a.toString());
            assertEquals(100000, a.gid().start(), a.toString());
            List<Finding> f = subids.check(ctx);
            assertTrue(f.contains(new Finding("/etc/subuid", 1, "blemish", "the line ends in a carriage return (a DOS "
                    + "line end); shadow-utils skips the line, so newuidmap does not grant 100000-165535 to \"alice\"; "
                    + "Bosun still keeps that range out of every allocation; rewrite it as owner:start:count")), f.toString());
            assertTrue(f.stream().anyMatch(x -> x.problem().equals("blemish") && x.line() == 2
                    && x.explanation().startsWith("the line starts with a byte-order mark; shadow-utils reads the owner as")),
                    f.toString());
            assertTrue(f.stream().anyMatch(x -> x.problem().equals("blemish") && x.line() == 3
                    && x.explanation().startsWith("the line has blanks around its fields")), f.toString());
            assertFalse(f.stream().anyMatch(x -> x.problem().equals("malformed") || x.problem().equals("orphan")
                    && x.file().equals("/etc/subuid") && x.line() <= 3), f.toString());
        }
    }

    @Test
    void idMapAndHelperUids() throws Exception {
        root.write("/etc/subuid", "qm-app:165536:65536\n");
        root.write("/etc/subgid", "qm-app:165536:65536\n");
        try (LocalHostContext ctx = root.context(false)) {
            IdMap m = subids.idMap(ctx, new IdMapRequest("qm-app", List.of("33", "1000"), null));
            assertEquals(List.of("0:0:1", "1:2:32", "33:34:1", "34:35:966", "1000:1001:1", "1001:1002:64535"), m.uidMap());
            assertEquals(m.uidMap(), m.gidMap());
            assertEquals("UIDMap=0:0:1", m.quadlet().getFirst());
            assertEquals("GIDMap=1001:1002:64535", m.quadlet().getLast());
            HelperUid h = subids.helperUid(ctx, "qm-app", 33);
            assertEquals(165569, h.hostUid());
            assertEquals("qm-app-33", h.helperName());
            assertNull(h.existingUser());
            assertEquals(998, subids.helperUid(ctx, "qm-app", 0).hostUid());
            BosunException collide = assertThrows(BosunException.class, () -> subids.helperUid(ctx, "qm-app", 1000));
            assertTrue(collide.getMessage().startsWith("helper name \"qm-app-1000\" is already user uid 1002, not host uid 166536"),
                    collide.getMessage());
            BosunException small = assertThrows(BosunException.class,
                    () -> subids.idMap(ctx, new IdMapRequest("alice", List.of(), null)));
            assertEquals("alice has 0 sub-UIDs in /etc/subuid, fewer than the 65536 an ID map covers; "
                    + "run subids.allocate(\"alice\") first", small.getMessage());
        }
    }
}
