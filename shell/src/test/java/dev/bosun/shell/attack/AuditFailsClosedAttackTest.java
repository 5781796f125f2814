package dev.bosun.shell.attack;

import dev.bosun.shell.plugins.ShellRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The audit fails closed: when the audit row cannot be written (corrupt database, unwritable directory,
 * a database someone else owns or a link at its path), a mutating operation does not run, says why in one
 * line and exits 1; --no-audit is the explicit, announced way around it. A script cannot erase its trail
 * through files.*, bad input creates nothing, and a dry-run leaves nothing beside the real database.
 */
@Tag("attack")
class AuditFailsClosedAttackTest {
    private static final String WRITE = "files.write('/etc/motd', 'owned\\n')";
    private static final String REFUSED = "files.write: refused: the audit trail cannot be written (";
    private static final String NOTHING = "); nothing was changed (use --no-audit to run without it) (at -e:1)";

    @TempDir
    Path root;
    @TempDir
    Path outside;

    private Path stateDir;
    private Path db;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        stateDir = root.resolve("var/lib/bosun");
        db = stateDir.resolve("bosun.db");
    }

    private ShellRun bosun(String... args) {
        String[] a = new String[args.length + 2];
        a[0] = "--root";
        a[1] = root.toString();
        System.arraycopy(args, 0, a, 2, args.length);
        return ShellRun.of(a);
    }

    /** One line on stderr: the refusal of files.write with its reason. */
    private void assertRefused(ShellRun r, String reason) {
        assertEquals(1, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.getFirst().startsWith("bosun: BosunError: " + REFUSED), r.err());
        assertTrue(lines.getFirst().endsWith(NOTHING), r.err());
        assertTrue(lines.getFirst().contains(reason), r.err());
        assertFalse(Files.exists(root.resolve("etc/motd")), "the host file was not written");
    }

    private void privateStateDir() throws IOException {
        Files.createDirectories(stateDir.getParent());
        Files.createDirectory(stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    @Test
    void aCorruptDatabaseRefusesTheChangeUntilNoAuditIsGiven() throws Exception {
        privateStateDir();
        Files.write(db, "this is not an SQLite database, it is what a failing disk left".repeat(100).getBytes());
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> state = Victims.hashes(stateDir);

        assertRefused(bosun("-e", WRITE), "file is not a database");
        assertEquals(state, Victims.hashes(stateDir));
        assertEquals(0, bosun("-e", "host.info().kernel").status(), "reading operations need no audit row");

        ShellRun dry = bosun("--no-audit", "-n", "-e", WRITE);
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("  # not audited (--no-audit): the changes of this run leave no audit row"),
                dry.out());
        ShellRun forced = bosun("--no-audit", "-e", WRITE + "; files.write('/etc/issue', 'x\\n')");
        assertEquals(0, forced.status(), forced.err());
        assertEquals("bosun: warning: --no-audit: the changes of this run are not recorded in the audit trail\n",
                forced.err(), "said once, however many changes follow");
        assertEquals("owned\n", Files.readString(root.resolve("etc/motd")));
        assertEquals(state, Victims.hashes(stateDir), "--no-audit writes no row either");
    }

    @Test
    void anUnwritableStateDirectoryRefusesTheChange() throws Exception {
        privateStateDir();
        assumeTrue(chattr("+i", stateDir), "needs chattr +i (root on a file system with the immutable flag)");
        try {
            assertRefused(bosun("-e", WRITE), "cannot create the state database " + stateDir.toRealPath());
            assertTrue(Victims.hashes(stateDir).size() == 1, "nothing was created in it");
        } finally {
            chattr("-i", stateDir);
        }
        assertEquals(0, bosun("-e", "files.write('/etc/issue', 'x\\n')").status());
        Files.delete(root.resolve("etc/issue"));
        assumeTrue(chattr("+i", stateDir));
        try {
            // The database exists, but SQLite cannot create its -wal beside it.
            assertRefused(bosun("-e", WRITE), "cannot open the state database");
        } finally {
            chattr("-i", stateDir);
        }
    }

    @Test
    void aForgedDatabaseOfAnotherUserIsNeitherListedNorUsed() throws Exception {
        assumeTrue(Victims.isRoot(), "needs root to give the database to another uid");
        assertEquals(0, bosun("-e", "files.write('/etc/issue', 'x\\n')").status());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO audit(time, uid, euid, user, source, op, args, changed, outcome) VALUES "
                    + "('2020-01-01T00:00:00Z', 0, 0, 'root', 'repl', 'users.remove', '{\"name\":\"FORGED\"}', 1, 'ok')");
        }
        Files.setAttribute(db, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-rw-rw-"));
        Map<String, String> state = Victims.hashes(stateDir);

        ShellRun list = bosun("--json", "-e", "audit.list()");
        assertEquals(1, list.status());
        assertFalse(list.out().contains("FORGED"), list.out());
        com.fasterxml.jackson.databind.JsonNode error = dev.bosun.shell.render.JsonContract.document(list.out()).get("error");
        assertEquals("BosunError: audit.list: refusing the state database " + db
                + ": owned by uid 65534, not by you (uid 0) or root (at -e:1)", error.get("message").asText());
        assertEquals("audit.list", error.get("op").asText());
        assertEquals("", list.err(), "under --json the error is in the document");
        assertRefused(bosun("-e", WRITE), "refusing the state database " + db + ": owned by uid 65534");
        assertEquals(state, Victims.hashes(stateDir));
    }

    @Test
    void aLinkAtTheDatabasePathIsRefusedAndItsTargetUntouched() throws Exception {
        Path victim = outside.resolve("victim.db");
        Files.writeString(victim, "root's precious file\n");
        Map<String, String> before = Victims.hashes(outside);
        privateStateDir();
        Files.createSymbolicLink(db, victim);
        assertRefused(bosun("-e", WRITE), "refusing the state database " + db
                + ": a symbolic link (Bosun never follows links to its state)");
        assertRefused(bosun("-e", WRITE + "; files.write('/etc/issue', 'x\\n')"), "a symbolic link");
        assertEquals(before, Victims.hashes(outside), "the target kept its bytes and mode; no -wal/-shm beside it");
    }

    @Test
    void filesOperationsCannotTouchTheTrail() throws Exception {
        assertEquals(0, bosun("-e", "files.write('/etc/issue', 'x\\n')").status());
        Files.createSymbolicLink(root.resolve("state"), Path.of("/var/lib/bosun"));
        Files.createLink(root.resolve("etc/hard"), db);
        List<String> attempts = List.of("files.remove('/var/lib/bosun/bosun.db')", "files.remove('/var/lib/bosun')",
                "files.remove('/var/lib/bosun/bosun.db-wal')", "files.write('/var/lib/bosun/bosun.db', '')",
                "files.write('/var/lib/bosun/bosun.db-journal', 'planted')", "files.remove('/state/bosun.db')",
                "files.write('/etc/hard', '')", "files.read('/var/lib/bosun/bosun.db')", "files.read('/etc/hard')");
        for (String attempt : attempts) {
            ShellRun r = bosun("-e", attempt);
            assertEquals(1, r.status(), attempt);
            assertTrue(r.err().matches("bosun: BosunError: files\\.\\w+: refusing \"[^\"]+\": it is Bosun's own "
                    + "state \\(" + java.util.regex.Pattern.quote(db.toString())
                    + " and its directory\\); files\\.\\* do not touch the audit trail \\(at -e:1\\)\n"),
                    attempt + ": " + r.err());
            assertFalse(Files.exists(stateDir.resolve("bosun.db-journal")), attempt);
        }
        ShellRun rows = bosun("-e", "audit.list({op: 'files'}).map(r => r.outcome + ' ' + r.changed).join()");
        assertEquals("error false,".repeat(7) + "ok true\n", rows.out(),
                "the first write is still there, and each attempt to change the trail is on it (reads are not audited)");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir)));
    }

    @Test
    void badInputCreatesNothingNotEvenTheDatabase() {
        for (String bad : List.of("files.write('etc/motd', 'x')", "files.write('/etc/motd', {})", "users.ensure({name: 'Bad/1'})",
                "quadlet.install('root', {type: 'container', name: '../x'})", "files.write('/etc/motd')")) {
            ShellRun r = bosun("-e", bad);
            assertEquals(1, r.status(), bad);
            assertTrue(r.err().startsWith("bosun: TypeError: "), bad + ": " + r.err());
            assertFalse(Files.exists(root.resolve("var"), LinkOption.NOFOLLOW_LINKS), bad);
        }
    }

    @Test
    void aDryRunLeavesNothingBesideTheRealDatabase() throws Exception {
        assertEquals(0, bosun("-e", "files.write('/etc/issue', 'x\\n')").status());
        Map<String, String> before = Victims.hashes(stateDir);
        ShellRun dry = bosun("-n", "-e", WRITE + "; audit.list().length");
        assertEquals(0, dry.status(), dry.err());
        assertEquals(before, Victims.hashes(stateDir), "no -wal, no -shm, no byte changed");
        try (Stream<Path> s = Files.list(stateDir)) {
            assertEquals(List.of("bosun.db"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static boolean chattr(String flag, Path p) {
        try {
            Process c = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
            c.getInputStream().readAllBytes();
            return c.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
