package dev.bosun.stdlib.effect;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel facts the file layer is built on, checked on the kernel it runs on. */
class LinuxFilesTest {

    @Test
    void aStepWithNoSymlinksReturnsTheLinkItselfAndNeverCrossesIt() throws Exception {
        Path dir = Files.createTempDirectory("bosun-lf-");
        try {
            Files.createSymbolicLink(dir.resolve("link"), Path.of("/etc"));
            try (Fd d = Fd.of(LinuxFiles.openat(LinuxFiles.AT_FDCWD, dir.toString(),
                    LinuxFiles.O_PATH | LinuxFiles.O_DIRECTORY | LinuxFiles.O_CLOEXEC, 0))) {
                long resolve = LinuxFiles.RESOLVE_BENEATH | LinuxFiles.RESOLVE_NO_SYMLINKS | LinuxFiles.RESOLVE_NO_MAGICLINKS;
                try (Fd l = Fd.of(LinuxFiles.openat2(d.get(), "link", LinuxFiles.O_PATH | LinuxFiles.O_NOFOLLOW
                        | LinuxFiles.O_CLOEXEC, 0, resolve))) {
                    Statx st = LinuxFiles.statx(l.get(), "", LinuxFiles.AT_EMPTY_PATH | LinuxFiles.AT_SYMLINK_NOFOLLOW);
                    assertTrue(st.isSymlink());
                    assertEquals("/etc", LinuxFiles.readlinkat(l.get(), ""));
                }
                // Going through the link in one call is refused by the kernel.
                SyscallException e = assertThrows(SyscallException.class, () -> LinuxFiles.openat2(d.get(), "link/passwd",
                        LinuxFiles.O_PATH | LinuxFiles.O_CLOEXEC, 0, resolve));
                assertEquals("openat2: ELOOP (too many levels of symbolic links)", e.detail());
                // And so is a step out of the directory.
                SyscallException up = assertThrows(SyscallException.class, () -> LinuxFiles.openat2(d.get(), "..",
                        LinuxFiles.O_PATH | LinuxFiles.O_CLOEXEC, 0, resolve));
                assertEquals(Errno.EXDEV, up.errno());
            }
        } finally {
            try (Stream<Path> w = Files.walk(dir)) {
                for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void statxReportsDevicesOwnersAndMounts() {
        Statx nul = LinuxFiles.statx(LinuxFiles.AT_FDCWD, "/dev/null", LinuxFiles.AT_SYMLINK_NOFOLLOW);
        assertEquals(dev.bosun.api.FileStat.Type.CHAR_DEVICE, nul.type());
        assertEquals(1, nul.rdevMajor());
        assertEquals(3, nul.rdevMinor());
        assertEquals(0666, nul.permissions());
        Statx proc = LinuxFiles.statx(LinuxFiles.AT_FDCWD, "/proc", LinuxFiles.AT_SYMLINK_NOFOLLOW);
        Statx root = LinuxFiles.statx(LinuxFiles.AT_FDCWD, "/", LinuxFiles.AT_SYMLINK_NOFOLLOW);
        assertTrue(proc.mountRoot(), "/proc is a mount point");
        assertTrue(proc.onOtherMountThan(root));
        SyscallException e = assertThrows(SyscallException.class,
                () -> LinuxFiles.statx(LinuxFiles.AT_FDCWD, "/does/not/exist", 0));
        assertEquals("no such file or directory", e.getMessage());
    }

    @Test
    void directoriesAreListedWithGetdents() throws Exception {
        Path dir = Files.createTempDirectory("bosun-lf-");
        try {
            for (int i = 0; i < 500; i++) {
                Files.writeString(dir.resolve("file-with-a-rather-long-name-" + i), "");
            }
            try (Fd d = Fd.of(LinuxFiles.openat(LinuxFiles.AT_FDCWD, dir.toString(),
                    LinuxFiles.O_RDONLY | LinuxFiles.O_DIRECTORY | LinuxFiles.O_CLOEXEC, 0))) {
                List<LinuxFiles.DirEntry> entries = LinuxFiles.entries(d.get());
                assertEquals(500, entries.size(), "more than one 32 KiB buffer, without . and ..");
                assertTrue(entries.stream().allMatch(en -> en.name().startsWith("file-with-")));
            }
        } finally {
            try (Stream<Path> w = Files.walk(dir)) {
                for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
