package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Attacks on Bosun's state database (the audit trail and the allocations): a database someone else owns
 * or can write, links in its path under an untrusted --root, shared directories. Each is refused with
 * one line before SQLite opens anything, and the files outside the scratch area keep their bytes.
 */
@Tag("attack")
class AuditStateAttackTest {
    private static final int NOBODY = 65534;
    private static final List<String> SCHEMA = List.of("CREATE TABLE t (v TEXT)");

    @TempDir
    Path outside;

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A database with one row, written through Bosun as a legitimate earlier run would have. */
    private static void seed(ScratchRoot root, String value) {
        try (LocalHostContext ctx = root.context(false)) {
            ctx.state().migrate("attack", SCHEMA);
            ctx.state().write(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES ('" + value + "')"));
        }
    }

    private static String rows(LocalHostContext ctx) {
        ctx.state().migrate("attack", SCHEMA);
        return ctx.state().read(c -> {
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t ORDER BY rowid")) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append(';');
                }
            }
            return sb.toString();
        });
    }

    private static String refusal(ScratchRoot root, boolean dryRun) {
        try (LocalHostContext ctx = root.context(dryRun)) {
            BosunException e = assertThrows(BosunException.class, () -> rows(ctx));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return e.getMessage();
        }
    }

    private static Path db(ScratchRoot root) {
        return root.path("/var/lib/bosun/bosun.db");
    }

    /** Path → sha256 (or link target) of everything under dir, to prove nothing there changed. */
    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.toList()) {
                String v = Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                        : "dir " + mode(p);
                m.put(dir.relativize(p).toString(), v);
            }
        }
        return m;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static void chmod(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    @Test
    void aForgedDatabaseOwnedByAnotherUserIsRefusedAndNotRead() throws Exception {
        assumeTrue(root(), "needs root to give the database to another uid");
        try (ScratchRoot root = ScratchRoot.empty()) {
            seed(root, "forged by uid 65534");
            Files.setAttribute(db(root), "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            chmod(db(root), "rw-rw-rw-");
            Map<String, String> before = hashes(root.path("/var/lib/bosun"));
            String msg = refusal(root, false);
            assertEquals("refusing the state database " + db(root) + ": owned by uid 65534, not by you (uid 0) or root",
                    msg);
            assertTrue(refusal(root, true).startsWith("refusing the state database "), "a dry-run refuses it too");
            assertEquals(before, hashes(root.path("/var/lib/bosun")));
        }
    }

    @Test
    void aDatabaseOthersCanWriteIsRefusedEvenWhenRootOwnsIt() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty()) {
            seed(root, "x");
            chmod(db(root), "rw-rw-rw-");
            assertEquals("refusing the state database " + db(root) + ": writable by group or others (mode 0666)",
                    refusal(root, false));
            chmod(db(root), "rw-------");
            Path wal = db(root).resolveSibling("bosun.db-wal");
            Files.writeString(wal, "");
            chmod(wal, "rw-rw-rw-");
            assertEquals("refusing the state database " + db(root) + ": " + wal
                    + " is writable by group or others (mode 0666)", refusal(root, false));
        }
    }

    @Test
    void aLinkAtTheDatabasePathUnderTheRootIsRefusedAndItsTargetUntouched() throws Exception {
        Path victim = outside.resolve("victim");
        Files.writeString(victim, "precious\n");
        Map<String, String> before = hashes(outside);
        try (ScratchRoot root = ScratchRoot.empty()) {
            Files.createDirectories(root.path("/var/lib/bosun"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Files.createSymbolicLink(db(root), victim);
            for (boolean dryRun : new boolean[] {false, true}) {
                assertEquals("refusing the state database " + db(root)
                        + ": a symbolic link (Bosun never follows links to its state)", refusal(root, dryRun));
            }
        }
        assertEquals(before, hashes(outside), "no byte, mode or -wal/-shm file changed beside the link's target");
    }

    @Test
    void aLinkAnywhereInTheStateDirectoryChainIsRefused() throws Exception {
        Path elsewhere = outside.resolve("elsewhere");
        Files.createDirectories(elsewhere.resolve("lib/bosun"));
        for (String link : List.of("/var", "/var/lib", "/var/lib/bosun")) {
            Map<String, String> before = hashes(outside);
            try (ScratchRoot root = ScratchRoot.empty()) {
                Path at = root.path(link);
                Files.createDirectories(at.getParent());
                Path target = link.equals("/var") ? elsewhere : link.equals("/var/lib") ? elsewhere.resolve("lib")
                        : elsewhere.resolve("lib/bosun");
                Files.createSymbolicLink(at, target);
                assertEquals("refusing the state database " + db(root) + ": " + root.dir().toRealPath().resolve(
                        link.substring(1)) + " is a symbolic link (Bosun never follows links to its state)",
                        refusal(root, false));
            }
            assertEquals(before, hashes(outside), "nothing was created through the link at " + link);
        }
    }

    @Test
    void aStateDirectoryAnotherUserControlsIsRefused() throws Exception {
        assumeTrue(root(), "needs root to give directories to another uid");
        try (ScratchRoot root = ScratchRoot.empty()) {
            Files.createDirectories(root.path("/var/lib"));
            Files.setAttribute(root.path("/var"), "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            assertEquals("refusing the state database " + db(root) + ": " + root.dir().toRealPath().resolve("var")
                    + " is owned by uid 65534, not by you (uid 0) or root", refusal(root, false));
            assertFalse(Files.exists(root.path("/var/lib/bosun")), "nothing created below a directory of another user");
        }
    }

    @Test
    void aSharedDirectoryGivenWithStateIsRefusedAndLeftAsItIs() throws Exception {
        for (String perms : List.of("rwxrwxrwx", "rwxrwx---")) {
            Path shared = Files.createDirectory(outside.resolve("shared-" + perms));
            chmod(shared, perms);
            try (LocalHostContext ctx = LocalHostContext.open(outside, false, shared.resolve("s.db"), "test")) {
                BosunException e = assertThrows(BosunException.class, () -> rows(ctx));
                assertEquals("refusing the state database " + shared.resolve("s.db") + ": " + shared.toRealPath()
                        + " is writable by group or others (mode " + (perms.equals("rwxrwxrwx") ? "0777" : "0770") + ")",
                        e.getMessage());
            }
            assertEquals(perms, mode(shared), "a --state directory is the user's: checked, never changed");
            try (Stream<Path> s = Files.list(shared)) {
                assertEquals(0, s.count());
            }
        }
        Path sticky = Files.createDirectory(outside.resolve("sticky"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        try (LocalHostContext ctx = LocalHostContext.open(outside, false, sticky.resolve("s.db"), "test")) {
            BosunException e = assertThrows(BosunException.class, () -> rows(ctx));
            assertTrue(e.getMessage().endsWith(" is writable by group or others (mode 1777)"),
                    "others could plant its -wal beside it: " + e.getMessage());
        }
    }

    @Test
    void aNewDatabaseIsPrivateFromItsFirstByte() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            rows(ctx);
            assertEquals("rwx------", mode(root.path("/var/lib/bosun")));
            assertEquals("rw-------", mode(db(root)));
            assertEquals("rw-------", mode(db(root).resolveSibling("bosun.db-wal")));
            assertEquals("rw-------", mode(db(root).resolveSibling("bosun.db-shm")));
            assertEquals("rwxr-xr-x", mode(root.path("/var/lib")), "missing ancestors get the usual 0755");
        }
    }

    @Test
    void aTooReadableDatabaseIsTightenedByARunButNotByADryRun() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty()) {
            seed(root, "a");
            chmod(root.path("/var/lib/bosun"), "rwxr-xr-x");
            chmod(db(root), "rw-r--r--");
            try (LocalHostContext dry = root.context(true)) {
                assertEquals("a;", rows(dry));
            }
            assertEquals("rw-r--r--", mode(db(root)), "a dry-run changes nothing");
            try (LocalHostContext ctx = root.context(false)) {
                assertEquals("a;", rows(ctx));
            }
            assertEquals("rw-------", mode(db(root)));
            assertEquals("rwx------", mode(root.path("/var/lib/bosun")));
        }
    }

    @Test
    void aDryRunReadsTheDatabaseWithoutLeavingWalOrShmBesideIt() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty()) {
            seed(root, "real");
            Map<String, String> before = hashes(root.path("/var/lib/bosun"));
            assertEquals(List.of("bosun.db"), names(root.path("/var/lib/bosun")), "a closed database has no side files");
            try (LocalHostContext dry = root.context(true)) {
                dry.state().write(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES ('planned')"));
                assertEquals("real;planned;", rows(dry), "later steps of a dry-run see its planned state");
                assertEquals(List.of("bosun.db"), names(root.path("/var/lib/bosun")), "while it runs, too");
            }
            assertEquals(before, hashes(root.path("/var/lib/bosun")));
            try (LocalHostContext ctx = root.context(false)) {
                assertEquals("real;", rows(ctx));
            }
        }
    }

    @Test
    void aDryRunWithoutADatabaseCreatesNone() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext dry = root.context(true)) {
            assertEquals("", rows(dry));
            assertFalse(Files.exists(root.path("/var"), LinkOption.NOFOLLOW_LINKS));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
