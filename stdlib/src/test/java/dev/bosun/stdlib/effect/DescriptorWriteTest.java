package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.WriteOptions;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writes, directories and attributes on descriptors against the kernel: what is planted under a name
 * Bosun writes is replaced or unlinked, never written through; owner and mode land on Bosun's own inode.
 */
class DescriptorWriteTest {
    private static final int NOBODY = 65534;

    @Test
    void aWriteReplacesALinkAndNeverFollowsIt() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); ScratchRoot outside = ScratchRoot.empty();
             LocalHostContext ctx = root.context(false)) {
            outside.write("/etc/victim", "victim\n");
            Files.createSymbolicLink(root.path("/etc/app.conf"), outside.path("/etc/victim"));
            ctx.fs().write("/etc/app.conf", "mine\n", WriteOptions.mode(0640));
            assertFalse(Files.isSymbolicLink(root.path("/etc/app.conf")));
            assertEquals("mine\n", root.read("/etc/app.conf"));
            assertEquals("victim\n", outside.read("/etc/victim"));
            assertEquals("rw-r--r--", mode(outside.path("/etc/victim")));
        }
    }

    @Test
    void plantedShadowTempAndBackupNamesAreReplacedNotWrittenThrough() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); ScratchRoot outside = ScratchRoot.empty();
             LocalHostContext ctx = root.context(false)) {
            outside.write("/etc/temp-victim", "t\n");
            outside.write("/etc/backup-victim", "b\n");
            root.write("/etc/subgid", "old:100000:65536\n");
            Files.setPosixFilePermissions(root.path("/etc/subgid"), PosixFilePermissions.fromString("rw-r-----"));
            Files.createSymbolicLink(root.path("/etc/subgid+"), outside.path("/etc/temp-victim"));
            Files.createSymbolicLink(root.path("/etc/subgid-"), outside.path("/etc/backup-victim"));
            ctx.fs().write("/etc/subgid", "new:100000:65536\n", Fs.shadowStyle());
            assertEquals("new:100000:65536\n", root.read("/etc/subgid"));
            assertEquals("old:100000:65536\n", root.read("/etc/subgid-"));
            assertFalse(Files.isSymbolicLink(root.path("/etc/subgid-")));
            assertEquals("rw-r-----", mode(root.path("/etc/subgid-")), "the backup keeps the old file's mode");
            assertEquals("rw-r-----", mode(root.path("/etc/subgid")), "the new file keeps it too");
            assertFalse(Files.exists(root.path("/etc/subgid+"), LinkOption.NOFOLLOW_LINKS));
            assertEquals("t\n", outside.read("/etc/temp-victim"));
            assertEquals("b\n", outside.read("/etc/backup-victim"));
            assertEquals(List.of("subgid", "subgid-"), ctx.fs().list("/etc"));
        }
    }

    @Test
    void ownerAndModeAreSetOnTheNewFileAndDirectories() throws Exception {
        assumeTrue(ScratchRoots.isRoot(), "giving files to uid 65534 needs root");
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            ctx.fs().mkdirs("/home/alice/.config/app", 0750, NOBODY, NOBODY);
            for (String d : List.of("/home", "/home/alice", "/home/alice/.config", "/home/alice/.config/app")) {
                FileStat st = ctx.fs().stat(d);
                assertEquals(0750, st.mode(), d);
                assertEquals(NOBODY, st.uid(), d);
            }
            ctx.fs().write("/home/alice/.config/app/a.conf", "a", WriteOptions.mode(04750).withOwner(NOBODY, NOBODY));
            FileStat st = ctx.fs().stat("/home/alice/.config/app/a.conf");
            assertEquals(04750, st.mode(), "setuid survives: chown comes before chmod");
            assertEquals(NOBODY, st.gid());
        }
    }

    @Test
    void attributesOfALinkChangeTheLinkNeverItsTarget() throws Exception {
        assumeTrue(ScratchRoots.isRoot(), "giving files to uid 65534 needs root");
        try (ScratchRoot root = ScratchRoot.empty(); ScratchRoot outside = ScratchRoot.empty();
             LocalHostContext ctx = root.context(false)) {
            outside.write("/etc/victim", "v");
            Files.setPosixFilePermissions(outside.path("/etc/victim"), PosixFilePermissions.fromString("rw-------"));
            Files.createSymbolicLink(root.path("/etc/link"), outside.path("/etc/victim"));
            BosunException e = assertThrows(BosunException.class, () -> ctx.fs().setAttributes("/etc/link", 0644, null, null));
            assertEquals("cannot change the mode of /etc/link: it is a symlink, and links have no mode of their own on Linux",
                    e.getMessage());
            ctx.fs().setAttributes("/etc/link", null, NOBODY, NOBODY);
            assertEquals(NOBODY, Files.getAttribute(root.path("/etc/link"), "unix:uid", LinkOption.NOFOLLOW_LINKS));
            assertEquals(0, Files.getAttribute(outside.path("/etc/victim"), "unix:uid"));
            assertEquals("rw-------", mode(outside.path("/etc/victim")));
        }
    }

    @Test
    void aFifosModeIsSetWithoutOpeningIt() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "0644", root.path("/etc/pipe").toString()).start();
            assertEquals(0, mkfifo.waitFor());
            // Opening a fifo for writing would block until a reader comes; the O_PATH descriptor does not.
            ctx.fs().setAttributes("/etc/pipe", 0600, null, null);
            assertEquals("rw-------", mode(root.path("/etc/pipe")));
            BosunException e = assertThrows(BosunException.class, () -> ctx.fs().read("/etc/pipe"));
            assertEquals("cannot read /etc/pipe: it is a fifo, not a regular file", e.getMessage());
        }
    }

    @Test
    void aFailedReplaceRemovesItsTemp() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty()) {
            root.write("/etc/busy/inside", "a directory that is not empty cannot be renamed over");
            try (RootDir dir = RootDir.open(root.path("/etc"), 0); Fd etc = dir.fd()) {
                SyscallException e = assertThrows(SyscallException.class,
                        () -> AtomicWrite.replace(etc, "busy", new byte[] {1}, 0644, null, null, null, "/etc/busy"));
                assertEquals("renameat", e.call());
                assertEquals("renameat: EISDIR (is a directory)", e.detail());
            }
            try (Stream<Path> s = Files.list(root.path("/etc"))) {
                assertEquals(List.of("busy"), s.map(p -> p.getFileName().toString()).toList(), "no temp file left");
            }
        }
    }

    @Test
    void aDirectoryUnderAFixedTempNameIsReportedNotRemoved() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            root.write("/etc/passwd", "root:x:0:0::/root:/bin/sh\n");
            root.write("/etc/passwd+/keep", "k");
            BosunException e = assertThrows(BosunException.class, () -> ctx.fs().write("/etc/passwd", "x\n",
                    Fs.shadowStyle()));
            assertEquals("cannot write /etc/passwd: /etc/passwd+ is a directory; Bosun needs that name for a temporary"
                    + " file, remove it", e.getMessage());
            assertEquals("k", root.read("/etc/passwd+/keep"));
            assertEquals("root:x:0:0::/root:/bin/sh\n", root.read("/etc/passwd"));
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }
}
