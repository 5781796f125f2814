package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.Fs;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShadowLockTest {

    @Test
    void takesAndReleasesTheLockFileWithOurPid() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            root.write("/etc/subuid", "");
            try (Fs.FileLock lock = ctx.fs().lock("/etc/subuid", Duration.ofSeconds(1))) {
                String content = Files.readString(root.path("/etc/subuid.lock")).replace("\0", "");
                assertEquals(String.valueOf(ProcessHandle.current().pid()), content);
            }
            assertFalse(Files.exists(root.path("/etc/subuid.lock")));
        }
    }

    @Test
    void staleLockOfADeadProcessIsRecovered() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            Process p = new ProcessBuilder("true").start();
            p.waitFor();
            root.write("/etc/subuid.lock", p.pid() + "\0");
            try (Fs.FileLock lock = ctx.fs().lock("/etc/subuid", Duration.ofSeconds(1))) {
                assertTrue(Files.exists(root.path("/etc/subuid.lock")));
            }
        }
    }

    @Test
    void liveHolderMakesUsWaitThenFailWithAClearMessage() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            Process holder = new ProcessBuilder("sleep", "30").start();
            try {
                root.write("/etc/subuid.lock", holder.pid() + "\0");
                BosunException e = assertThrows(BosunException.class,
                        () -> ctx.fs().lock("/etc/subuid", Duration.ofMillis(300)));
                assertTrue(e.getMessage().contains("held by PID " + holder.pid()), e.getMessage());
                assertTrue(e.getMessage().contains("try again later"), e.getMessage());
            } finally {
                holder.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void shadowUtilsWaitsForOurLock() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(java.nio.file.Path.of("/usr/sbin/groupadd")),
                "shadow-utils (groupadd) is not installed");
        org.junit.jupiter.api.Assumptions.assumeTrue(ScratchRoots.isRoot(), "groupadd --prefix needs root");
        try (ScratchRoot root = ScratchRoot.fromHostEtc(); LocalHostContext ctx = root.context(false)) {
            try (Fs.FileLock lock = ctx.fs().lock("/etc/group", Duration.ofSeconds(1))) {
                Process p = new ProcessBuilder("groupadd", "--prefix", root.dir().toString(), "locktest")
                        .redirectErrorStream(true).start();
                // shadow-utils retries for ~15 s; while we hold the lock it must not have written the group.
                Thread.sleep(1500);
                assertFalse(root.read("/etc/group").contains("locktest:"));
                lock.close();
                assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
            }
            assertTrue(root.read("/etc/group").contains("locktest:"));
        }
    }

    @Test
    void aPlantedPidFileLinkIsUnlinkedNeverWrittenThrough() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); ScratchRoot outside = ScratchRoot.empty();
             LocalHostContext ctx = root.context(false)) {
            outside.write("/etc/victim", "victim\n");
            root.write("/etc/subuid", "");
            long pid = ProcessHandle.current().pid();
            Files.createSymbolicLink(root.path("/etc/subuid." + pid), outside.path("/etc/victim"));
            try (Fs.FileLock lock = ctx.fs().lock("/etc/subuid", Duration.ofSeconds(1))) {
                assertEquals(pid + "\0", Files.readString(root.path("/etc/subuid.lock")));
                assertFalse(Files.exists(root.path("/etc/subuid." + pid), java.nio.file.LinkOption.NOFOLLOW_LINKS));
            }
            assertEquals("victim\n", outside.read("/etc/victim"));
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(outside.path("/etc/victim"))));
        }
    }

    @Test
    void aLockThatIsASymlinkIsRefusedNotFollowedOrRemoved() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); ScratchRoot outside = ScratchRoot.empty();
             LocalHostContext ctx = root.context(false)) {
            outside.write("/etc/victim", "1\0");
            root.write("/etc/subgid", "");
            Files.createSymbolicLink(root.path("/etc/subgid.lock"), outside.path("/etc/victim"));
            BosunException e = assertThrows(BosunException.class, () -> ctx.fs().lock("/etc/subgid", Duration.ofSeconds(1)));
            assertEquals("cannot lock /etc/subgid: /etc/subgid.lock is a symlink, not a lock file; Bosun neither follows"
                    + " nor removes it (remove it if no tool is running)", e.getMessage());
            assertTrue(Files.isSymbolicLink(root.path("/etc/subgid.lock")));
            assertEquals("1\0", outside.read("/etc/victim"));
            assertEquals(java.util.List.of("subgid", "subgid.lock"), ctx.fs().list("/etc"), "no pid file left");
        }
    }
}
