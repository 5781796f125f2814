package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.api.WriteOptions;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Test;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The descriptor resolver against the real kernel: real symlinks (absolute, relative, {@code ..} chains,
 * loops, magic links), {@code RESOLVE_IN_ROOT} semantics under a scratch root, and the ownership rule
 * with files really owned by a second uid (65534).
 */
class ResolverTest {
    private static final int NOBODY = 65534;

    @Test
    void relativeAbsoluteAndDotDotLinksResolveInsideTheRoot() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            root.write("/a/b/c", "deep");
            Files.createSymbolicLink(root.path("/rel"), Path.of("a/b"));
            Files.createSymbolicLink(root.path("/abs"), Path.of("/a/b/../b/./c"));
            Files.createSymbolicLink(root.path("/a/b/up"), Path.of("../../../../../../.."));
            Files.createSymbolicLink(root.path("/a/chain1"), Path.of("chain2"));
            Files.createSymbolicLink(root.path("/a/chain2"), Path.of("../rel/c"));
            assertEquals("deep", ctx.fs().read("/rel/c"));
            assertEquals("deep", ctx.fs().read("/abs"));
            // ".." above the root stays at the root, as in a chroot.
            assertEquals("deep", ctx.fs().read("/a/b/up/a/b/c"));
            assertEquals(List.of("a", "abs", "etc", "rel"), ctx.fs().list("/a/b/up"));
            assertEquals("deep", ctx.fs().read("/a/chain1"));
            // A last link is not followed by stat, and is by read.
            assertEquals(FileStat.Type.SYMLINK, ctx.fs().stat("/a/chain1").type());
            assertEquals("chain2", ctx.fs().stat("/a/chain1").linkTarget());
            // Directory links are followed on the way.
            assertEquals(FileStat.Type.FILE, ctx.fs().stat("/rel/c").type());
            assertEquals(root.path("/a/b/c").toRealPath(), ctx.fs().resolve("/a/chain1"));
        }
    }

    @Test
    void loopsEndWithOneClearLine() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            Files.createSymbolicLink(root.path("/self"), Path.of("self"));
            Files.createSymbolicLink(root.path("/ping"), Path.of("/pong/x"));
            Files.createSymbolicLink(root.path("/pong"), Path.of("ping"));
            // The message names the caller's path up to the link that started the loop.
            for (List<String> c : List.of(List.of("/self", "/self"), List.of("/ping", "/ping"),
                    List.of("/self/x", "/self"))) {
                BosunException e = assertThrows(BosunException.class, () -> ctx.fs().read(c.get(0)));
                assertEquals(c.get(1) + ": too many levels of symbolic links", e.getMessage());
            }
            // Forty links in a row are fine (Linux's MAXSYMLINKS), forty-one are not.
            root.write("/target", "t");
            String prev = "/target";
            for (int i = 0; i < 41; i++) {
                Files.createSymbolicLink(root.path("/l" + i), Path.of(prev));
                prev = "/l" + i;
            }
            assertEquals("t", ctx.fs().read("/l39"));
            assertThrows(BosunException.class, () -> ctx.fs().read("/l40"));
        }
    }

    @Test
    void anImagesLinkToTheHostsShadowMeansTheImagesShadow() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            Files.createSymbolicLink(root.path("/etc/x"), Path.of("/etc/shadow"));
            Files.createSymbolicLink(root.path("/etc/y"), Path.of("../../../../../../etc/shadow"));
            Files.createSymbolicLink(root.path("/etc/z"), Path.of("/proc/self/root/etc/shadow"));
            // No DIR/etc/shadow: the reads fail; they never reach the host's.
            for (String p : List.of("/etc/x", "/etc/y", "/etc/z")) {
                BosunException e = assertThrows(BosunException.class, () -> ctx.fs().read(p));
                assertEquals("cannot read " + p + ": no such file or directory", e.getMessage());
            }
            root.write("/etc/shadow", "image:!:1::::::\n");
            assertEquals("image:!:1::::::\n", ctx.fs().read("/etc/x"));
            assertEquals("image:!:1::::::\n", ctx.fs().read("/etc/y"));
            // DIR/proc/self does not exist in the image: the magic link of the host's /proc is never reached.
            assertThrows(BosunException.class, () -> ctx.fs().read("/etc/z"));
            assertEquals(root.path("/etc/shadow").toRealPath(), ctx.fs().resolve("/etc/x"));
        }
    }

    @Test
    void magicLinksAreResolvedByTheirTextNeverJumpedThrough() throws Exception {
        Path tmp = Files.createTempFile("bosun-magic-", ".txt");
        Files.writeString(tmp, "only through the descriptor");
        try (FileChannel held = FileChannel.open(tmp, StandardOpenOption.READ);
             LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, tmp.resolveSibling("unused.db"), "test")) {
            Files.delete(tmp);
            String fd = openDescriptorOf(tmp);
            assertTrue(held.isOpen());
            // The kernel would jump through /proc/self/fd/N to the deleted file; the resolver reads the
            // link's text ("<path> (deleted)") and resolves that path, which does not exist.
            assertEquals("only through the descriptor", Files.readString(Path.of("/proc/self/fd/" + fd)));
            BosunException e = assertThrows(BosunException.class, () -> ctx.fs().read("/proc/self/fd/" + fd));
            assertTrue(e.getMessage().endsWith("no such file or directory"), e.getMessage());
        }
    }

    @Test
    void aUsersLinkToTheRootIsRefusedNamingTheUsersPath() throws Exception {
        assumeTrue(ScratchRoots.isRoot(), "owning files as uid 65534 needs root");
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            root.write("/etc/passwd", "root:x:0:0::/root:/bin/sh\n");
            Path home = Files.createDirectories(root.path("/home/alice"));
            chown(home);
            chown(Files.createSymbolicLink(home.resolve(".config"), Path.of("/etc")));
            chown(Files.createSymbolicLink(home.resolve("up"), Path.of("../../etc")));
            Files.writeString(home.resolve("roots"), "root's file in alice's directory (a hard link, say)");
            chown(Files.createDirectories(home.resolve("dotfiles/config")));
            chown(home.resolve("dotfiles"));

            BosunException abs = assertThrows(BosunException.class,
                    () -> ctx.fs().mkdirs("/home/alice/.config/containers/systemd", 0755, NOBODY, NOBODY));
            assertEquals("refusing /home/alice/.config: a link owned by uid 65534 leads to a directory owned by root"
                    + " (unsafe path transition)", abs.getMessage());
            assertFalse(Files.exists(root.path("/etc/containers")));

            BosunException dotdot = assertThrows(BosunException.class, () -> ctx.fs().read("/home/alice/up/passwd"));
            assertEquals("refusing /home/alice/up: '..' leads from a directory owned by uid 65534 to one owned by root"
                    + " (unsafe path transition)", dotdot.getMessage());

            BosunException step = assertThrows(BosunException.class, () -> ctx.fs().read("/home/alice/roots"));
            assertEquals("refusing /home/alice/roots: a directory owned by uid 65534 holds a file owned by root"
                    + " (unsafe path transition)", step.getMessage());
            assertThrows(BosunException.class, () -> ctx.fs().stat("/home/alice/roots"));

            // Links that stay with the user's own files are fine.
            Files.delete(home.resolve(".config"));
            chown(Files.createSymbolicLink(home.resolve(".config"), Path.of("dotfiles/config")));
            ctx.fs().write("/home/alice/.config/app.conf", "x=1\n", WriteOptions.mode(0644).withOwner(NOBODY, NOBODY));
            assertEquals("x=1\n", Files.readString(home.resolve("dotfiles/config/app.conf")));
            assertEquals(NOBODY, ctx.fs().stat("/home/alice/.config/app.conf").uid());
        }
    }

    @Test
    void theUserBosunRunsAsIsTrustedLikeRoot() throws Exception {
        assumeTrue(ScratchRoots.isRoot(), "owning files as uid 65534 needs root");
        try (ScratchRoot root = ScratchRoot.empty()) {
            root.write("/etc/motd", "hello\n");
            Path home = Files.createDirectories(root.path("/home/alice"));
            chown(home);
            chown(Files.createSymbolicLink(home.resolve("etc"), Path.of("/etc")));
            try (RootedFiles asRoot = new RootedFiles(RootDir.open(root.dir(), 0));
                 RootedFiles asAlice = new RootedFiles(RootDir.open(root.dir(), NOBODY))) {
                assertThrows(BosunException.class, () -> asRoot.read("/home/alice/etc/motd", true));
                // Alice's own link cannot be used against Alice: for her it is an ordinary link.
                assertEquals("hello\n", new String(asAlice.read("/home/alice/etc/motd", true)));
            }
        }
    }

    @Test
    void missingAndNonDirectoryPartsAreAbsentNotErrors() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            root.write("/etc/file", "f");
            assertFalse(ctx.fs().exists("/nope/deeper"));
            assertFalse(ctx.fs().exists("/etc/file/inside"));
            assertNull(ctx.fs().stat("/etc/file/inside"));
            assertEquals(List.of(), ctx.fs().list("/etc/file"));
            BosunException e = assertThrows(BosunException.class, () -> ctx.fs().write("/etc/file/inside", "x",
                    WriteOptions.DEFAULT));
            assertEquals("cannot write /etc/file/inside: not a directory", e.getMessage());
        }
    }

    private static void chown(Path p) throws Exception {
        Files.setAttribute(p, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
    }

    /** The number of this process's descriptor whose /proc link names {@code deleted} as deleted. */
    private static String openDescriptorOf(Path deleted) throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(deleted + " (deleted)")) {
                        return fd.getFileName().toString();
                    }
                } catch (java.io.IOException e) {
                    // a descriptor closed while listing
                }
            }
        }
        throw new AssertionError("no descriptor of " + deleted);
    }
}
