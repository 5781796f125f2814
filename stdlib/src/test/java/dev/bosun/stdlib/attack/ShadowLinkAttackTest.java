package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.subids.SubIdsModule;
import dev.bosun.stdlib.testing.ScratchRoot;
import dev.bosun.stdlib.users.GroupSpec;
import dev.bosun.stdlib.users.GroupsModule;
import dev.bosun.stdlib.users.ShadowTool;
import dev.bosun.stdlib.users.UserSpec;
import dev.bosun.stdlib.users.UsersModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A hostile image under {@code --root}: links and hard links planted where shadow-utils (useradd, groupadd,
 * usermod, userdel with {@code --prefix}) and Bosun's sub-ID writer open files by name. Every operation
 * that touches a planted path either refuses with one line naming it and the rule, or removes a planted
 * temporary without following it and succeeds; the victims outside the root never change. Without the
 * pre-flight, the real tools overwrite, chmod and truncate these victims (see docs/architecture.md).
 */
@Tag("attack")
class ShadowLinkAttackTest {
    enum Op {
        ENSURE("users.ensure"), GROUP("groups.ensure"), SUBIDS("subids.allocate"), REMOVE("users.remove");

        final String name;

        Op(String name) {
            this.name = name;
        }
    }

    private static final Set<Op> SHADOW_TOOLS = EnumSet.of(Op.ENSURE, Op.GROUP, Op.REMOVE);
    private static final Set<Op> NONE = EnumSet.noneOf(Op.class);
    private static final Set<Op> ENSURE = EnumSet.of(Op.ENSURE);
    /**
     * With etc/passwd (or etc itself) a link, the account database Bosun reads follows it inside the root and is
     * missing or empty: users.remove finds no alice and does nothing, subids.allocate refuses the unknown user.
     * Neither runs a tool.
     */
    private static final Set<Op> ENSURE_OR_GROUP = EnumSet.of(Op.ENSURE, Op.GROUP);

    /**
     * Where the image plants what. {@code refusedBy}: operations that must refuse; {@code cleanedBy}: operations
     * that must remove the planted entries (symbolic-link temporaries) and succeed. Any other operation may do
     * either, as long as the victims stay unchanged: subids.allocate is always among those, its writes and
     * locks are Bosun's own, on descriptors that replace or unlink a planted link instead of following it.
     */
    enum Placement {
        PASSWD_PLUS(NONE, SHADOW_TOOLS), SHADOW_PLUS(NONE, SHADOW_TOOLS), GROUP_PLUS(NONE, SHADOW_TOOLS),
        GSHADOW_PLUS(NONE, SHADOW_TOOLS), SUBUID_PLUS(NONE, SHADOW_TOOLS), SUBGID_PLUS(NONE, SHADOW_TOOLS),
        PASSWD_LOCK(NONE, SHADOW_TOOLS), SUBUID_LOCK(NONE, SHADOW_TOOLS), PID_TEMPORARIES(NONE, SHADOW_TOOLS),
        PASSWD_MINUS(SHADOW_TOOLS, NONE), SUBGID_MINUS(SHADOW_TOOLS, NONE), PASSWD_ITSELF(ENSURE_OR_GROUP, NONE, false),
        HOME_LINK(ENSURE, NONE), ETC_LINK(ENSURE_OR_GROUP, NONE),
        SHADOW_PLUS_HARD(SHADOW_TOOLS, NONE), SHADOW_ITSELF_HARD(SHADOW_TOOLS, NONE), SUBUID_MINUS_HARD(SHADOW_TOOLS, NONE),
        SKEL_DEVICE(ENSURE, NONE), SKEL_HARD(ENSURE, NONE), MAIL_DIR_DOTDOT(ENSURE, NONE), HOME_BASE_DOTDOT(ENSURE, NONE),
        ETC_WORLD_WRITABLE(SHADOW_TOOLS, NONE);

        final Set<Op> refusedBy;
        final Set<Op> cleanedBy;
        /** False when Bosun's own read of the account database refuses before the pre-flight runs. */
        final boolean byPreflight;

        Placement(Set<Op> refusedBy, Set<Op> cleanedBy) {
            this(refusedBy, cleanedBy, true);
        }

        Placement(Set<Op> refusedBy, Set<Op> cleanedBy, boolean byPreflight) {
            this.refusedBy = refusedBy;
            this.cleanedBy = cleanedBy;
            this.byPreflight = byPreflight;
        }
    }

    private final UsersModule users = new UsersModule();
    private final GroupsModule groups = new GroupsModule();
    private final SubIdsModule subids = new SubIdsModule();
    private ScratchRoot root;
    private VictimDir victims;
    /** Entries planted in the root (host paths), for the "removed without following" check. */
    private final List<String> planted = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(ShadowTool.usable(), "needs root and shadow-utils (useradd --prefix)");
        root = ScratchRoot.fromHostEtc();
        root.write("/etc/skel/.profile", "# skeleton\n");
        root.write("/etc/subuid", "");
        root.write("/etc/subgid", "");
        try (LocalHostContext ctx = root.context(false)) {
            users.ensure(ctx, new UserSpec("alice", null, null, null, null, null, null, "/bin/sh", null));
        }
        // Empty again, so subids.allocate writes (and takes its locks) instead of finding useradd's ranges.
        root.write("/etc/subuid", "");
        root.write("/etc/subgid", "");
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

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Placement p : Placement.values()) {
            for (Op op : Op.values()) {
                all.add(Arguments.of(p, op));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("matrix")
    void plantedLinksNeverLeadOutOfTheRoot(Placement placement, Op op) throws Exception {
        plant(placement);
        Map<String, String> before = victims.fingerprint();
        try (LocalHostContext ctx = root.context(false)) {
            BosunException refusal = attempt(ctx, op);
            if (placement.refusedBy.contains(op)) {
                assertRefused(refusal, op, placement);
            } else if (placement.cleanedBy.contains(op)) {
                assertEquals(null, refusal, () -> placement + " must be cleaned up, not refused: " + refusal.getMessage());
                for (String p : planted) {
                    assertFalse(Files.exists(root.path(p), LinkOption.NOFOLLOW_LINKS), p + " is left in the root");
                    assertTrue(ctx.plan().changes().stream().anyMatch(c -> c.kind() == Change.Kind.DELETE
                            && c.target().equals(p)), "the removal of " + p + " is planned: " + ctx.plan().changes());
                }
            } else if (refusal != null) {
                assertFalse(refusal.getMessage().contains("\n"), refusal.getMessage());
            }
        }
        assertEquals(before, victims.fingerprint(), "a victim outside the root changed");
    }

    @ParameterizedTest(name = "dry-run: {0}")
    @MethodSource("dryRunPlacements")
    void dryRunRefusesOrPlansTheSameAndChangesNothing(Placement placement) throws Exception {
        plant(placement);
        Map<String, String> before = victims.fingerprint();
        Map<String, String> rootBefore = VictimDir.fingerprint(root.dir());
        try (LocalHostContext ctx = root.context(true)) {
            BosunException refusal = attempt(ctx, Op.ENSURE);
            if (placement.refusedBy.contains(Op.ENSURE)) {
                assertRefused(refusal, Op.ENSURE, placement);
            } else {
                assertEquals(null, refusal, () -> "dry-run of " + placement + ": " + refusal.getMessage());
            }
        }
        assertEquals(before, victims.fingerprint(), "a victim outside the root changed");
        assertEquals(rootBefore, VictimDir.fingerprint(root.dir()), "a dry-run changed the root");
    }

    static Stream<Placement> dryRunPlacements() {
        return Stream.of(Placement.PASSWD_PLUS, Placement.SHADOW_PLUS_HARD, Placement.HOME_LINK, Placement.ETC_LINK,
                Placement.PID_TEMPORARIES, Placement.SKEL_DEVICE);
    }

    @Test
    void withoutThePreflightTheRealToolWritesThroughThePlantedLinks() throws Exception {
        // The control: the same plantings handed to useradd --prefix directly (no Bosun) reach the victims,
        // so the tests above would fail if the pre-flight did not stop them.
        link("/etc/passwd+", victims.path("passwd.txt"));
        Files.createLink(root.path("/etc/group+"), victims.path("group.txt"));
        Map<String, String> before = victims.fingerprint();
        ShadowTool.Result r = ShadowTool.run(root.dir(), "useradd", "-l", "mallory");
        assertEquals(0, r.rc(), r.out());
        Map<String, String> after = victims.fingerprint();
        assertTrue(!before.get("/passwd.txt").equals(after.get("/passwd.txt")), "useradd wrote through passwd+");
        assertTrue(!before.get("/group.txt").equals(after.get("/group.txt")), "useradd wrote through a hard-linked group+");
        assertTrue(Files.readString(victims.path("passwd.txt")).contains("mallory:x:"));
    }

    @Test
    void aRefusedCallRemovesNothingEvenAStaleLink() throws Exception {
        // Two plantings: a temporary the pre-flight would remove, and a skeleton device it refuses.
        plant(Placement.PASSWD_PLUS);
        plant(Placement.SKEL_DEVICE);
        Map<String, String> rootBefore = VictimDir.fingerprint(root.dir());
        try (LocalHostContext ctx = root.context(false)) {
            assertRefused(attempt(ctx, Op.ENSURE), Op.ENSURE, Placement.SKEL_DEVICE);
            assertEquals(0, ctx.plan().size(), "a refused call plans nothing");
        }
        assertEquals(rootBefore, VictimDir.fingerprint(root.dir()), "a refused call changed the root");
    }

    @Test
    void aMailSpoolLinkWhoseTargetTheRootLacksIsRefused() throws Exception {
        root.write("/etc/default/useradd", "CREATE_MAIL_SPOOL=yes\n");
        Files.createDirectories(victims.path("mail"));
        Files.createDirectories(root.path("/var"));
        Files.createSymbolicLink(root.path("/var/mail"), victims.path("mail"));
        Map<String, String> before = victims.fingerprint();
        try (LocalHostContext ctx = root.context(false)) {
            BosunException e = attempt(ctx, Op.ENSURE);
            assertTrue(e != null && e.getMessage().startsWith("refused under root " + root.dir() + ": /var/mail is a "
                    + "symbolic link"), () -> String.valueOf(e));
        }
        assertEquals(before, victims.fingerprint(), "the spool was created outside the root");
    }

    @Test
    void aMailSpoolLinkOutOfTheRootIsFollowedInsideIt() throws Exception {
        // useradd --prefix opens DIR/var/mail/NAME by name: an absolute var/mail link would create the spool
        // outside. Bosun resolves the spool directory inside the root and pins it with -K MAIL_DIR.
        root.write("/etc/default/useradd", "CREATE_MAIL_SPOOL=yes\n");
        Files.createDirectories(victims.path("mail"));
        Files.createDirectories(root.path("/var"));
        Files.createSymbolicLink(root.path("/var/mail"), victims.path("mail"));
        // The same absolute path inside the root, where the link resolves under --root.
        Files.createDirectories(root.path(victims.path("mail").toString()));
        Map<String, String> before = victims.fingerprint();
        try (LocalHostContext ctx = root.context(false)) {
            users.ensure(ctx, new UserSpec("bob", null, null, null, null, null, null, null, null));
            String exec = ctx.plan().changes().stream().filter(c -> c.kind() == Change.Kind.EXEC).findFirst().orElseThrow()
                    .summary();
            assertTrue(exec.contains(" -K MAIL_DIR=" + victims.path("mail") + " "), exec);
        }
        assertEquals(before, victims.fingerprint(), "the spool was created outside the root");
        assertTrue(Files.isRegularFile(root.path(victims.path("mail/bob").toString()), LinkOption.NOFOLLOW_LINKS),
                "the spool is in the root, where the link points under --root");
    }

    @Test
    void aDistributionsRelativeMailLinkKeepsWorking() throws Exception {
        // Fedora's layout: var/mail -> spool/mail. Followed inside the root, the spool lands where it should.
        root.write("/etc/default/useradd", "CREATE_MAIL_SPOOL=yes\n");
        Files.createDirectories(root.path("/var/spool/mail"));
        Files.createSymbolicLink(root.path("/var/mail"), Path.of("spool/mail"));
        try (LocalHostContext ctx = root.context(false)) {
            assertTrue(users.ensure(ctx, new UserSpec("bob", null, null, null, null, null, null, null, null)).created());
        }
        assertTrue(Files.isRegularFile(root.path("/var/spool/mail/bob"), LinkOption.NOFOLLOW_LINKS));
    }

    private BosunException attempt(LocalHostContext ctx, Op op) {
        try {
            switch (op) {
                case ENSURE -> users.ensure(ctx, new UserSpec("bob", null, null, null, null, null, true, "/bin/sh", null));
                case GROUP -> groups.ensure(ctx, new GroupSpec("devs", null, null));
                case SUBIDS -> subids.allocate(ctx, "alice", null);
                case REMOVE -> users.remove(ctx, "alice", null);
            }
            return null;
        } catch (BosunException e) {
            return e;
        }
    }

    private void assertRefused(BosunException e, Op op, Placement placement) {
        if (e == null) {
            fail(op.name + " ran despite " + placement);
        }
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        if (placement.byPreflight) {
            assertTrue(m.startsWith("refused under root " + root.dir() + ": "), m);
            assertTrue(m.contains("(rule: ") || m.contains("must be an absolute, normalised path"), m);
        }
    }

    private void link(String hostPath, Path target) throws IOException {
        Files.createSymbolicLink(root.path(hostPath), target);
        planted.add(hostPath);
    }

    private void plant(Placement p) throws IOException, InterruptedException {
        Path passwdVictim = victims.path("passwd.txt");
        Path shadowVictim = victims.path("shadow.txt");
        switch (p) {
            case PASSWD_PLUS -> link("/etc/passwd+", passwdVictim);
            case SHADOW_PLUS -> link("/etc/shadow+", shadowVictim);
            case GROUP_PLUS -> link("/etc/group+", victims.path("group.txt"));
            case GSHADOW_PLUS -> link("/etc/gshadow+", shadowVictim);
            case SUBUID_PLUS -> link("/etc/subuid+", passwdVictim);
            case SUBGID_PLUS -> link("/etc/subgid+", passwdVictim);
            case PASSWD_LOCK -> link("/etc/passwd.lock", passwdVictim);
            case SUBUID_LOCK -> link("/etc/subuid.lock", passwdVictim);
            case PID_TEMPORARIES -> {
                // shadow-utils' lock temp is <file>.<pid of the tool>; Bosun's is <file>.<pid of this JVM>.
                long last = Long.parseLong(Files.readString(Path.of("/proc/sys/kernel/ns_last_pid")).strip());
                List<Long> pids = new ArrayList<>(List.of(ProcessHandle.current().pid()));
                for (long n = last + 1; n <= last + 100; n++) {
                    pids.add(n);
                }
                for (long pid : pids) {
                    for (String db : List.of("passwd", "shadow", "group", "gshadow", "subuid", "subgid")) {
                        if (!Files.exists(root.path("/etc/" + db + "." + pid), LinkOption.NOFOLLOW_LINKS)) {
                            link("/etc/" + db + "." + pid, db.startsWith("sub") || db.equals("passwd") ? passwdVictim : shadowVictim);
                        }
                    }
                }
            }
            case PASSWD_MINUS -> {
                Files.deleteIfExists(root.path("/etc/passwd-"));
                link("/etc/passwd-", passwdVictim);
            }
            case SUBGID_MINUS -> {
                Files.deleteIfExists(root.path("/etc/subgid-"));
                link("/etc/subgid-", passwdVictim);
            }
            case PASSWD_ITSELF -> {
                Path v = victims.file("passwd-db.txt", root.read("/etc/passwd"));
                Files.delete(root.path("/etc/passwd"));
                link("/etc/passwd", v);
            }
            case HOME_LINK -> {
                Files.delete(root.path("/home"));
                link("/home", victims.path("outside-home"));
            }
            case ETC_LINK -> {
                Path copy = victims.dir().resolve("etc-copy");
                Files.move(root.path("/etc"), copy);
                link("/etc", copy);
            }
            case SHADOW_PLUS_HARD -> Files.createLink(root.path("/etc/shadow+"), shadowVictim);
            case SHADOW_ITSELF_HARD -> {
                Path v = victims.file("shadow-db.txt", root.read("/etc/shadow"));
                Files.delete(root.path("/etc/shadow"));
                Files.createLink(root.path("/etc/shadow"), v);
            }
            case SUBUID_MINUS_HARD -> {
                Files.deleteIfExists(root.path("/etc/subuid-"));
                Files.createLink(root.path("/etc/subuid-"), passwdVictim);
            }
            case SKEL_DEVICE -> {
                // Block device 7:0 (a loop device): useradd -m would mknod it into bob's home, owned by bob.
                Process mknod = new ProcessBuilder("mknod", root.path("/etc/skel/disk").toString(), "b", "7", "0").start();
                assertEquals(0, mknod.waitFor());
            }
            case SKEL_HARD -> Files.createLink(root.path("/etc/skel/.bashrc"), shadowVictim);
            case MAIL_DIR_DOTDOT -> {
                Files.createDirectories(victims.path("mail"));
                root.write("/etc/login.defs", root.read("/etc/login.defs") + "\nMAIL_DIR /../../../../../../.."
                        + victims.path("mail") + "\n");
            }
            case HOME_BASE_DOTDOT -> root.write("/etc/default/useradd", "HOME=/../../../../../../.."
                    + victims.path("outside-home") + "\n");
            case ETC_WORLD_WRITABLE -> Files.setPosixFilePermissions(root.path("/etc"),
                    PosixFilePermissions.fromString("rwxrwxrwx"));
        }
    }
}
