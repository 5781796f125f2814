package dev.bosun.stdlib.users;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** users and groups against the real useradd/groupadd/usermod/userdel --prefix on a scratch root. */
class UsersModuleTest {
    private final UsersModule users = new UsersModule();
    private final GroupsModule groups = new GroupsModule();
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(ShadowTool.usable(), "needs root and shadow-utils (useradd --prefix)");
        root = ScratchRoot.fromHostEtc();
        root.write("/etc/subuid", "");
        root.write("/etc/subgid", "");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (root != null) {
            root.close();
        }
    }

    private static UserSpec spec(String name, Boolean system, String shell, String comment, List<String> groups) {
        return new UserSpec(name, system, null, null, groups, null, null, shell, comment);
    }

    @Test
    void ensureCreatesThenIsIdempotent() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            UserEnsured first = users.ensure(ctx, new UserSpec("qm-web", true, null, null, null, null, null,
                    "/usr/sbin/nologin", "web"));
            assertTrue(first.changed());
            assertTrue(first.created());
            assertTrue(first.user().system());
            assertEquals("/usr/sbin/nologin", first.user().shell());
            String passwd = root.read("/etc/passwd");
            assertTrue(passwd.contains("qm-web:x:" + first.user().uid() + ":"), passwd);
            assertTrue(Files.exists(root.path("/etc/passwd-")), "shadow's backup");
            RootSnapshot before = RootSnapshot.of(root.dir());
            int planned = ctx.plan().size();
            UserEnsured second = users.ensure(ctx, new UserSpec("qm-web", true, null, null, null, null, null,
                    "/usr/sbin/nologin", "web"));
            assertFalse(second.changed());
            assertEquals(planned, ctx.plan().size());
            assertEquals(before, RootSnapshot.of(root.dir()));
        }
    }

    @Test
    void ensureChangesOnlyWhatWasAskedOnAnExistingUser() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            groups.ensure(ctx, new GroupSpec("devs", null, null));
            users.ensure(ctx, spec("alice", null, "/bin/sh", null, null));
            UserEnsured r = users.ensure(ctx, new UserSpec("alice", null, 4321L, null, List.of("devs"), "/srv/x",
                    null, "/bin/bash", "Alice"));
            assertTrue(r.changed());
            assertEquals(List.of("shell /bin/sh -> /bin/bash", "comment \"\" -> \"Alice\"", "supplementary groups + devs"),
                    r.differences());
            assertEquals("/bin/bash", r.user().shell());
            assertEquals(List.of("devs"), r.user().groups());
            assertNotEquals(4321L, r.user().uid());
            assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("uid is ")), r.warnings().toString());
            assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("home is ")), r.warnings().toString());
            assertFalse(users.ensure(ctx, spec("alice", null, "/bin/bash", "Alice", List.of("devs"))).changed());
        }
    }

    private static void assertNotEquals(long a, long b) {
        assertTrue(a != b, a + " == " + b);
    }

    @Test
    void aShellMissingFromEtcShellsIsAWarningNotAnError() throws Exception {
        root.write("/etc/shells", "/bin/sh\n");
        try (LocalHostContext ctx = root.context(false)) {
            UserEnsured r = users.ensure(ctx, spec("hank", null, "/opt/odd/shell", null, null));
            assertTrue(r.created());
            assertEquals(List.of("shell /opt/odd/shell is not listed in /etc/shells; tools that check it "
                    + "(chsh, some FTP and mail daemons) will refuse it"), r.warnings());
            assertEquals("/opt/odd/shell", r.user().shell());
            // A shell that refuses logins is left out of /etc/shells on purpose: no warning for it.
            assertEquals(List.of(), users.ensure(ctx, spec("ivy", null, "/usr/sbin/nologin", null, null)).warnings());
            assertEquals(List.of(), users.ensure(ctx, spec("jim", null, "/bin/false", null, null)).warnings());
        }
    }

    @Test
    void readSide() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            users.ensure(ctx, spec("bob", null, null, "Bob", null));
            User bob = users.get(ctx, "bob");
            assertEquals("bob", bob.group());
            assertFalse(bob.system());
            assertNull(users.get(ctx, "nobody-here"));
            assertTrue(users.list(ctx, new ListOptions(true)).stream().allMatch(User::system));
            assertTrue(users.list(ctx, new ListOptions(false)).stream().anyMatch(u -> u.name().equals("bob")));
            assertTrue(users.list(ctx, null).stream().anyMatch(u -> u.name().equals("root")));
            assertEquals(bob.gid(), groups.get(ctx, "bob").gid());
            assertTrue(groups.list(ctx).stream().anyMatch(g -> g.name().equals("root")));
        }
    }

    @Test
    void groupsEnsureAndAddMember() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            GroupEnsured g = groups.ensure(ctx, new GroupSpec("g2", null, 2000L));
            assertTrue(g.changed());
            assertEquals(2000, g.group().gid());
            assertTrue(root.read("/etc/gshadow").contains("g2:!::"));
            assertFalse(groups.ensure(ctx, new GroupSpec("g2", null, 2000L)).changed());
            GroupEnsured sys = groups.ensure(ctx, new GroupSpec("sysg", true, null));
            assertTrue(sys.group().system());
            users.ensure(ctx, spec("carol", null, null, null, null));
            assertTrue(groups.addMember(ctx, "g2", "carol").changed());
            assertEquals(List.of("carol"), groups.get(ctx, "g2").members());
            RootSnapshot before = RootSnapshot.of(root.dir());
            assertFalse(groups.addMember(ctx, "g2", "carol").changed());
            assertEquals(before, RootSnapshot.of(root.dir()));
        }
    }

    @Test
    void createHomeCopiesTheRootsSkeletonNotTheHosts() throws Exception {
        root.write("/etc/skel/MARK", "from the root\n");
        try (LocalHostContext ctx = root.context(false)) {
            UserEnsured r = users.ensure(ctx, new UserSpec("dave", null, null, null, null, null, true, null, null));
            assertEquals("/home/dave", r.user().home());
            assertEquals("from the root\n", root.read("/home/dave/MARK"));
            assertFalse(Files.exists(root.path("/home/dave/.bashrc")), "host skel must not be copied");
        }
    }

    @Test
    void ensureFinishesAHomeUseraddLeftAtModeZero() throws Exception {
        root.write("/etc/skel/MARK", "from the root\n");
        try (LocalHostContext ctx = root.context(false)) {
            UserEnsured made = users.ensure(ctx, new UserSpec("fay", null, null, null, null, null, true, null, null));
            int mode = (int) Files.getAttribute(root.path("/home/fay"), "unix:mode") & 07777;
            // As if useradd had been killed between its chown of the new home and its chmod: empty, mode 0000.
            Files.delete(root.path("/home/fay/MARK"));
            Files.setPosixFilePermissions(root.path("/home/fay"), java.util.Set.of());
            UserEnsured repaired = users.ensure(ctx, new UserSpec("fay", null, null, null, null, null, true, null, null));
            assertTrue(repaired.changed(), repaired.toString());
            assertEquals(mode, (int) Files.getAttribute(root.path("/home/fay"), "unix:mode") & 07777);
            assertEquals("from the root\n", root.read("/home/fay/MARK"));
            assertEquals(made.user().uid(), ((Number) Files.getAttribute(root.path("/home/fay/MARK"), "unix:uid")).longValue());
            assertFalse(users.ensure(ctx, new UserSpec("fay", null, null, null, null, null, true, null, null)).changed());
            // A home at 0000 that has content is someone's choice: left alone.
            Files.setPosixFilePermissions(root.path("/home/fay"), java.util.Set.of());
            assertFalse(users.ensure(ctx, new UserSpec("fay", null, null, null, null, null, true, null, null)).changed());
            Files.setPosixFilePermissions(root.path("/home/fay"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void ensureRepairsWhatAnInterruptedUseraddLeftOut() throws Exception {
        root.write("/etc/skel/MARK", "from the root\n");
        try (LocalHostContext ctx = root.context(false)) {
            UserEnsured made = users.ensure(ctx, new UserSpec("eve", null, null, null, null, null, true, null, null));
            long uid = made.user().uid();
            long gid = made.user().gid();
            // As if useradd had been killed after writing passwd and shadow: no group, no home.
            for (String f : List.of("/etc/group", "/etc/gshadow")) {
                root.write(f, root.read(f).lines().filter(l -> !l.startsWith("eve:")).map(l -> l + "\n")
                        .reduce("", String::concat));
            }
            try (var walk = Files.walk(root.path("/home/eve"))) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            UserEnsured repaired = users.ensure(ctx, new UserSpec("eve", null, null, null, null, null, true, null, null));
            assertTrue(repaired.changed(), repaired.toString());
            assertEquals(List.of("primary group gid " + gid + " missing -> created group eve",
                    "home /home/eve missing -> created from /etc/skel"), repaired.differences());
            assertTrue(root.read("/etc/group").contains("eve:x:" + gid + ":"), root.read("/etc/group"));
            assertEquals("from the root\n", root.read("/home/eve/MARK"));
            assertEquals(uid, ((Number) Files.getAttribute(root.path("/home/eve/MARK"), "unix:uid")).longValue());
            assertEquals(gid, ((Number) Files.getAttribute(root.path("/home/eve"), "unix:gid")).longValue());
            RootSnapshot converged = RootSnapshot.of(root.dir());
            assertFalse(users.ensure(ctx, new UserSpec("eve", null, null, null, null, null, true, null, null)).changed());
            assertEquals(converged, RootSnapshot.of(root.dir()));
        }
    }

    private void dropLine(String file, String name) throws Exception {
        root.write(file, root.read(file).lines().filter(l -> !l.startsWith(name + ":")).map(l -> l + "\n")
                .reduce("", String::concat));
    }

    private String lineOf(String file, String name) throws Exception {
        return root.read(file).lines().filter(l -> l.startsWith(name + ":")).findFirst().orElse(null);
    }

    @Test
    void ensureAddsTheShadowAndGshadowLinesAKilledUseraddLeftOut() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            users.ensure(ctx, new UserSpec("ivy", null, null, null, null, null, true, null, null));
            String shadow = lineOf("/etc/shadow", "ivy");
            String gshadow = lineOf("/etc/gshadow", "ivy");
            // useradd writes passwd, shadow, group, gshadow in that order: killed after passwd, the rest is missing;
            // the group itself is repaired by groupadd, which writes its gshadow line too.
            dropLine("/etc/shadow", "ivy");
            UserEnsured repaired = users.ensure(ctx, new UserSpec("ivy", null, null, null, null, null, true, null, null));
            assertEquals(List.of("shadow line of ivy missing -> added with a locked password, as useradd leaves it"),
                    repaired.differences());
            // Equal to what useradd wrote, but for the day of the last change (field 3).
            assertEquals(withoutDay(shadow), withoutDay(lineOf("/etc/shadow", "ivy")));
            // Killed between group and gshadow.
            dropLine("/etc/gshadow", "ivy");
            repaired = users.ensure(ctx, new UserSpec("ivy", null, null, null, null, null, true, null, null));
            assertEquals(List.of("gshadow line of group ivy missing -> added with a locked password, as groupadd leaves it"),
                    repaired.differences());
            assertEquals(gshadow, lineOf("/etc/gshadow", "ivy"));
            RootSnapshot converged = RootSnapshot.of(root.dir());
            assertFalse(users.ensure(ctx, new UserSpec("ivy", null, null, null, null, null, true, null, null)).changed());
            assertEquals(converged, RootSnapshot.of(root.dir()));
            // groups.ensure repairs a group's gshadow line the same way.
            groups.ensure(ctx, new GroupSpec("ops", false, null));
            String ops = lineOf("/etc/gshadow", "ops");
            dropLine("/etc/gshadow", "ops");
            assertTrue(groups.ensure(ctx, new GroupSpec("ops", false, null)).changed());
            assertEquals(ops, lineOf("/etc/gshadow", "ops"));
        }
    }

    @Test
    void aPasswordKeptInPasswdNeedsNoShadowLine() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            users.ensure(ctx, new UserSpec("old", null, null, null, null, null, false, null, null));
            root.write("/etc/passwd", root.read("/etc/passwd").replace("old:x:", "old:*:"));
            dropLine("/etc/shadow", "old");
            String passwd = root.read("/etc/passwd");
            assertFalse(users.ensure(ctx, new UserSpec("old", null, null, null, null, null, false, null, null)).changed());
            assertEquals(passwd, root.read("/etc/passwd"));
            assertNull(lineOf("/etc/shadow", "old"));
        }
    }

    private static String withoutDay(String shadowLine) {
        String[] f = shadowLine.split(":", -1);
        f[2] = "";
        return String.join(":", f);
    }

    @Test
    void staleLockFilesOfKilledWritersAreRemovedAndALiveWritersAreKept() throws Exception {
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            long dead = deadPid();
            root.write("/etc/passwd." + dead, dead + "\0");
            root.write("/etc/subuid." + dead, dead + "\0");
            root.write("/etc/group." + live.pid(), live.pid() + "\0");
            root.write("/etc/shadow+", "half-written\n");
            root.write("/etc/passwd.bak", "not a temporary\n");
            root.write("/etc/passwd.12x", "not a temporary\n");
            root.write("/etc/gshadow.lock", dead + "\0");
            try (LocalHostContext ctx = root.context(false)) {
                users.ensure(ctx, new UserSpec("kim", null, null, null, null, null, false, null, null));
                assertTrue(ctx.plan().changes().stream().anyMatch(c -> c.kind() == Change.Kind.DELETE
                        && c.target().equals("/etc/passwd." + dead)), ctx.plan().changes().toString());
            }
            for (String gone : List.of("passwd." + dead, "subuid." + dead, "shadow+", "gshadow.lock")) {
                assertFalse(Files.exists(root.path("/etc/" + gone)), gone);
            }
            for (String kept : List.of("group." + live.pid(), "passwd.bak", "passwd.12x")) {
                assertTrue(Files.exists(root.path("/etc/" + kept)), kept);
            }
        } finally {
            live.destroy();
            live.waitFor();
        }
    }

    /** The PID of a process that has ended (and been reaped). */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aNewUserGetsAGroupOfItsOwnEvenWithoutLoginDefs() throws Exception {
        Files.delete(root.path("/etc/login.defs"));
        try (LocalHostContext ctx = root.context(false)) {
            UserEnsured r = users.ensure(ctx, new UserSpec("fred", null, null, null, null, null, null, null, null));
            assertEquals("fred", r.user().group(), r.toString());
        }
    }

    @Test
    void dryRunPlansUseraddAndTheDiffAndChangesNothing() throws Exception {
        RootSnapshot before = RootSnapshot.of(root.dir());
        try (LocalHostContext ctx = root.context(true)) {
            UserEnsured r = users.ensure(ctx, new UserSpec("qm-web", true, null, null, null, null, true,
                    "/usr/sbin/nologin", null));
            assertTrue(r.changed());
            assertEquals("qm-web", r.user().name(), "later reads see the planned user");
            List<Change> plan = ctx.plan().changes();
            Change exec = plan.stream().filter(c -> c.kind() == Change.Kind.EXEC).findFirst().orElseThrow();
            assertTrue(exec.summary().startsWith("useradd --prefix " + root.dir() + " -r -U -d /home/qm-web -m -k "), exec.summary());
            assertTrue(exec.summary().endsWith(" -l qm-web"), "-l keeps useradd off the live lastlog: " + exec.summary());
            Change passwd = plan.stream().filter(c -> c.target().equals("/etc/passwd")).findFirst().orElseThrow();
            assertTrue(passwd.diff().contains("+qm-web:x:"), passwd.diff());
            assertTrue(plan.stream().anyMatch(c -> c.target().equals("/home/qm-web")), plan.toString());
        }
        assertEquals(before, RootSnapshot.of(root.dir()));
    }

    @Test
    void removeDeletesUserAndOwnedHome() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            users.ensure(ctx, new UserSpec("erin", null, null, null, null, null, true, null, null));
            assertTrue(Files.isDirectory(root.path("/home/erin")));
            UserRemoved r = users.remove(ctx, "erin", new RemoveOptions(true, null));
            assertTrue(r.changed());
            assertTrue(r.homeRemoved());
            assertFalse(Files.exists(root.path("/home/erin")));
            assertNull(users.get(ctx, "erin"));
            assertFalse(users.remove(ctx, "erin", null).changed());
        }
    }

    @Test
    void removeKeepsAHomeOwnedBySomeoneElse() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            users.ensure(ctx, new UserSpec("fred", null, null, null, null, "/srv", null, null, null));
            Files.createDirectories(root.path("/srv"));
            UserRemoved r = users.remove(ctx, "fred", new RemoveOptions(true, null));
            assertFalse(r.homeRemoved());
            assertTrue(Files.isDirectory(root.path("/srv")));
            assertTrue(r.warnings().getFirst().startsWith("home /srv not removed: it is owned by uid 0"), r.warnings().toString());
        }
    }

    @Test
    void removeRefusesWhileTheUserOwnsProcessesOnTheLiveHost(@TempDir Path tmp) {
        // Dry-run on the live root: nothing on the host can change, and this JVM runs as root.
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), true, tmp.resolve("s.db"), "test")) {
            assertTrue(ctx.liveRoot());
            BosunException e = assertThrows(BosunException.class, () -> users.remove(ctx, "root", new RemoveOptions(null, true)));
            assertTrue(e.getMessage().startsWith("user \"root\" (uid 0) still owns "), e.getMessage());
            assertTrue(e.getMessage().endsWith("stop them first (e.g. loginctl terminate-user root) and retry"), e.getMessage());
            assertEquals(0, ctx.plan().size());
        }
    }

    @Test
    void processOwnersReadsEveryUidOfTheStatusLine() {
        String status = "Name:\tx\nUid:\t1000\t0\t1000\t1000\nGid:\t5\t5\t5\t5\n";
        assertTrue(ProcessOwners.runsAs(status, 0));
        assertTrue(ProcessOwners.runsAs(status, 1000));
        assertFalse(ProcessOwners.runsAs(status, 5));
    }

    @Test
    void lingerUsesTheMarkerFileOffTheLiveHost() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            users.ensure(ctx, spec("gina", null, null, null, null));
            Lingering on = users.linger(ctx, "gina", true);
            assertTrue(on.changed());
            assertEquals("file", on.method());
            assertTrue(Files.exists(root.path("/var/lib/systemd/linger/gina")));
            assertTrue(ctx.plan().changes().stream().anyMatch(c -> c.kind() == Change.Kind.NOTE
                    && c.summary().contains("marker file")));
            assertFalse(users.linger(ctx, "gina", true).changed());
            assertTrue(users.linger(ctx, "gina", false).changed());
            assertFalse(Files.exists(root.path("/var/lib/systemd/linger/gina")));
        }
    }

    /** logind keys lingering by name: a marker that outlives its user would make the next user of that name linger. */
    @Test
    void removeTakesTheUsersLingeringAlong() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            users.ensure(ctx, spec("hana", null, null, null, null));
            users.linger(ctx, "hana", true);
            assertTrue(users.remove(ctx, "hana", null).changed());
            assertFalse(Files.exists(root.path("/var/lib/systemd/linger/hana")), "the marker went with the user");
            users.ensure(ctx, spec("hana", null, null, null, null));
            assertFalse(users.linger(ctx, "hana", false).changed(), "a new hana does not inherit lingering");
        }
    }

    @Test
    void removeClearsAMarkerWhoseUserIsGoneAlready() throws Exception {
        try (LocalHostContext ctx = root.context(false)) {
            Files.createDirectories(root.path("/var/lib/systemd/linger"));
            Files.createFile(root.path("/var/lib/systemd/linger/ivan"));
            UserRemoved r = users.remove(ctx, "ivan", null);
            assertTrue(r.changed(), "the orphaned marker was removed");
            assertFalse(Files.exists(root.path("/var/lib/systemd/linger/ivan")));
            assertFalse(users.remove(ctx, "ivan", null).changed(), "and then there is nothing left to do");
        }
    }
}
