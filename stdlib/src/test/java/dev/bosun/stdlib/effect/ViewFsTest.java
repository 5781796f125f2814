package dev.bosun.stdlib.effect;

import dev.bosun.api.Change;
import dev.bosun.api.FileStat;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.WriteOptions;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.bosun.api.BosunException;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewFsTest {

    @Test
    void writeIsAtomicKeepsModeAndRecordsADiff() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            root.write("/etc/app.conf", "a=1\nb=2\n");
            Files.setPosixFilePermissions(root.path("/etc/app.conf"), PosixFilePermissions.fromString("rw-r-----"));
            ctx.fs().write("/etc/app.conf", "a=1\nb=3\n", WriteOptions.DEFAULT);
            assertEquals("a=1\nb=3\n", root.read("/etc/app.conf"));
            assertEquals(0640, ctx.fs().stat("/etc/app.conf").mode(), "existing mode is kept");
            Change c = ctx.plan().changes().getLast();
            assertEquals(Change.Kind.WRITE, c.kind());
            assertTrue(c.diff().contains("-b=2") && c.diff().contains("+b=3"), c.diff());
            try (var s = Files.list(root.path("/etc"))) {
                assertEquals(1, s.count(), "no temp file left behind");
            }
        }
    }

    @Test
    void identicalWriteRecordsNothing() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            root.write("/etc/x", "same\n");
            ctx.fs().write("/etc/x", "same\n", WriteOptions.DEFAULT);
            assertEquals(0, ctx.plan().size());
        }
    }

    @Test
    void shadowStyleWriteKeepsBackupAndSetsMode() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            root.write("/etc/subuid", "old:100000:65536\n");
            ctx.fs().write("/etc/subuid", "new:100000:65536\n", dev.bosun.api.Fs.shadowStyle().withMode(0644));
            assertEquals("old:100000:65536\n", root.read("/etc/subuid-"));
            assertEquals("new:100000:65536\n", root.read("/etc/subuid"));
            assertFalse(Files.exists(root.path("/etc/subuid+")));
        }
    }

    @Test
    void dryRunViewSeesPlannedWritesAndLeavesRealFilesAlone() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(true)) {
            root.write("/etc/a", "one\n");
            ctx.fs().write("/etc/a", "two\n", WriteOptions.DEFAULT);
            ctx.fs().mkdirs("/srv/app/data", 0750, null, null);
            ctx.fs().write("/srv/app/data/f", "x", WriteOptions.mode(0600));
            assertEquals("two\n", ctx.fs().read("/etc/a"), "later steps see the planned content");
            assertTrue(ctx.fs().exists("/srv/app/data/f"));
            assertEquals(java.util.List.of("data"), ctx.fs().list("/srv/app"));
            assertTrue(ctx.fs().delete("/etc/a"));
            assertFalse(ctx.fs().exists("/etc/a"), "a planned delete hides the file in the view");
            assertEquals("one\n", root.read("/etc/a"), "the real file is untouched");
            assertFalse(Files.exists(root.path("/srv")), "no real directory was created");
            assertEquals(6, ctx.plan().size(), "three mkdirs, two writes, one delete: " + ctx.plan().changes());
        }
    }

    @Test
    void deleteTreeNeverFollowsSymlinksOutOfTheTree() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); ScratchRoot outside = ScratchRoot.empty();
             LocalHostContext ctx = root.context(false)) {
            outside.write("/etc/precious", "keep me");
            root.write("/srv/box/upper/file", "x");
            Files.createSymbolicLink(root.path("/srv/box/upper/link"), outside.path("/etc/precious"));
            Files.createSymbolicLink(root.path("/srv/box/upper/dirlink"), outside.path("/etc"));
            assertTrue(ctx.fs().deleteTree("/srv/box"));
            assertFalse(Files.exists(root.path("/srv/box")));
            assertEquals("keep me", outside.read("/etc/precious"));
        }
    }

    @Test
    void symlinksUnderAnAlternateRootStayInsideIt() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); ScratchRoot outside = ScratchRoot.empty();
             LocalHostContext ctx = root.context(false)) {
            outside.write("/etc/secret", "outside");
            root.write("/etc/secret", "inside");
            Path real = outside.path("/etc/secret");
            // Absolute target: re-rooted, so it means DIR/<that path>, which does not exist in the root.
            Files.createSymbolicLink(root.path("/etc/abs"), real);
            BosunException abs = assertThrows(BosunException.class, () -> ctx.fs().read("/etc/abs"));
            assertTrue(abs.getMessage().contains("no such file"), abs.getMessage());
            // Relative target climbing out: .. stops at the root.
            Files.createSymbolicLink(root.path("/etc/rel"), Path.of("../../../../../../.." + real));
            assertThrows(BosunException.class, () -> ctx.fs().read("/etc/rel"));
            // A link to / inside the root is the root itself.
            Files.createSymbolicLink(root.path("/hostroot"), Path.of("/"));
            assertEquals("inside", ctx.fs().read("/hostroot/etc/secret"));
            assertEquals(List.of("abs", "rel", "secret"), ctx.fs().list("/hostroot/etc"));
            // Links that stay inside work as on the real system.
            Files.createSymbolicLink(root.path("/etc/alias"), Path.of("/etc/secret"));
            Files.createSymbolicLink(root.path("/etc/alias2"), Path.of("secret"));
            assertEquals("inside", ctx.fs().read("/etc/alias"));
            assertEquals("inside", ctx.fs().read("/etc/alias2"));
            // stat does not follow the last link.
            assertEquals(FileStat.Type.SYMLINK, ctx.fs().stat("/etc/alias").type());
            // Writes through a directory link land inside the root.
            Files.createSymbolicLink(root.path("/etclink"), Path.of("/etc"));
            ctx.fs().write("/etclink/new", "n", WriteOptions.DEFAULT);
            assertEquals("n", root.read("/etc/new"));
            assertEquals("outside", outside.read("/etc/secret"));
            // Loops end with a clear error.
            Files.createSymbolicLink(root.path("/loop1"), Path.of("/loop2"));
            Files.createSymbolicLink(root.path("/loop2"), Path.of("/loop1"));
            BosunException loop = assertThrows(BosunException.class, () -> ctx.fs().read("/loop1"));
            assertTrue(loop.getMessage().contains("too many levels of symbolic links"), loop.getMessage());
        }
    }

    @Test
    void pathsMustBeAbsoluteAndNormalised() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            assertThrows(InvalidValueException.class, () -> ctx.fs().read("etc/passwd"));
            InvalidValueException e = assertThrows(InvalidValueException.class,
                    () -> ctx.fs().read("/etc/../../etc/passwd"));
            assertTrue(e.getMessage().contains("'..'"), e.getMessage());
        }
    }

    @Test
    void statReportsCharDeviceNumbers() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = LocalHostContext.open(
                java.nio.file.Path.of("/"), false, root.path("/state.db"), "test")) {
            FileStat st = ctx.fs().stat("/dev/null");
            assertEquals(FileStat.Type.CHAR_DEVICE, st.type());
            assertEquals(1, st.rdevMajor());
            assertEquals(3, st.rdevMinor());
            assertNull(ctx.fs().stat("/dev/does-not-exist"));
        }
    }
}
