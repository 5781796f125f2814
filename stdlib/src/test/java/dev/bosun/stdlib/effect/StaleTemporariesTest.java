package dev.bosun.stdlib.effect;

import dev.bosun.api.Change;
import dev.bosun.api.WriteOptions;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Bosun's temporaries: a write or mkdir removes the ones a killed writer left beside its name, and only those. */
class StaleTemporariesTest {

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void namesCarryThePidAndTheOldFormatIsRecognised() {
        String name = TempName.next("web.container");
        assertEquals(ProcessHandle.current().pid(), TempName.writerPid(name, "web.container"));
        assertEquals(TempName.NO_PID, TempName.writerPid(".web.container.bosun-0badf00d", "web.container"));
        assertNull(TempName.writerPid(".web.container.bosun-0badf00d", "db.container"));
        assertNull(TempName.writerPid(".web.container.bosun-12-0badf00d.x", "web.container"));
        assertNull(TempName.writerPid("web.container.bosun-12-0badf00d", "web.container"));
    }

    @Test
    void aWriteRemovesItsKilledWritersTemporariesAndNothingElse() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "chowns a file to another uid");
        long dead = deadPid();
        long self = ProcessHandle.current().pid();
        try (ScratchRoot root = ScratchRoot.empty()) {
            Path dir = Files.createDirectories(root.path("/srv"));
            Path staleFile = Files.writeString(dir.resolve(".f.bosun-" + dead + "-0badf00d"), "half");
            Path staleDir = Files.createDirectory(dir.resolve(".f.bosun-" + dead + "-00c0ffee"));
            Path oldFormat = Files.writeString(dir.resolve(".f.bosun-deadbeef"), "old");
            Files.setLastModifiedTime(oldFormat, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
            Path live = Files.writeString(dir.resolve(".f.bosun-" + self + "-11111111"), "a live writer's");
            Path freshOld = Files.writeString(dir.resolve(".f.bosun-22222222"), "maybe in use");
            Path foreign = Files.writeString(dir.resolve(".f.bosun-" + dead + "-33333333"), "someone else's");
            Files.setAttribute(foreign, "unix:uid", 12345, LinkOption.NOFOLLOW_LINKS);
            Path otherName = Files.writeString(dir.resolve(".g.bosun-" + dead + "-44444444"), "another file's");
            Path link = Files.createSymbolicLink(dir.resolve(".f.bosun-" + dead + "-55555555"), Path.of("/etc/passwd"));

            try (LocalHostContext ctx = root.context(true)) {
                ctx.fs().write("/srv/f", "new\n", WriteOptions.mode(0644));
                List<String> deleted = ctx.plan().changes().stream().filter(c -> c.kind() == Change.Kind.DELETE)
                        .map(Change::target).sorted().toList();
                assertEquals(List.of("/srv/.f.bosun-" + dead + "-00c0ffee", "/srv/.f.bosun-" + dead + "-0badf00d",
                        "/srv/.f.bosun-deadbeef"), deleted);
            }
            assertTrue(Files.exists(staleFile), "a dry-run removes nothing");
            try (LocalHostContext ctx = root.context(false)) {
                ctx.fs().write("/srv/f", "new\n", WriteOptions.mode(0644));
            }
            for (Path gone : List.of(staleFile, staleDir, oldFormat)) {
                assertFalse(Files.exists(gone, LinkOption.NOFOLLOW_LINKS), gone.toString());
            }
            for (Path kept : List.of(live, freshOld, foreign, otherName, link)) {
                assertTrue(Files.exists(kept, LinkOption.NOFOLLOW_LINKS), kept.toString());
            }
            assertEquals("new\n", Files.readString(dir.resolve("f")));
        }
    }

    @Test
    void mkdirsLeavesOnlyTheFinishedDirectoryAndRemovesAKilledOnesTemporary() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "chowns a directory to another uid");
        long dead = deadPid();
        try (ScratchRoot root = ScratchRoot.empty()) {
            Path home = Files.createDirectories(root.path("/home/u"));
            Files.setAttribute(home, "unix:uid", 65534);
            Path left = Files.createDirectory(home.resolve("..config.bosun-" + dead + "-0badf00d"));
            try (LocalHostContext ctx = root.context(false)) {
                ctx.fs().mkdirs("/home/u/.config/containers", 0755, 65534, 65534);
            }
            assertFalse(Files.exists(left));
            try (var names = Files.list(home)) {
                assertEquals(List.of(".config"), names.map(p -> p.getFileName().toString()).toList());
            }
            Path config = home.resolve(".config");
            assertEquals(65534, Files.getAttribute(config, "unix:uid"));
            assertEquals(0755, (Integer) Files.getAttribute(config, "unix:mode") & 07777);
            try (var names = Files.list(config)) {
                assertEquals(List.of("containers"), names.map(p -> p.getFileName().toString()).toList());
            }
        }
    }
}
