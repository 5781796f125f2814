package dev.bosun.shell.attack;

import dev.bosun.api.BosunException;
import dev.bosun.shell.plugins.PluginInstaller;
import dev.bosun.shell.plugins.ShellRun;
import dev.bosun.shell.plugins.TestPlugins;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Root used to load plugins from world-writable directories and from files other users own (also through
 * {@code BOSUN_PLUGIN_PATH} and an {@code XDG_DATA_HOME} kept by {@code sudo -E}): any local user could
 * have root run their code. As root, a plugin directory or file that is not root's, is group/world-writable
 * or lies under such a directory is now skipped with one line saying why, before PF4J reads (or unpacks)
 * anything of it. Real ownership (uid 65534) and real modes in a scratch tree; the scratch tree's own
 * ancestors pass ({@code /tmp} is 1777: world-writable but sticky, and the test directory in it is root's).
 */
@Tag("attack")
class PluginStrictModesAttackTest {
    private static final int NOBODY = 65534;
    private static final String RULE = "; as root, plugins load only from root-owned directories not writable by others";

    @TempDir
    Path tmp;
    Path markers;

    @BeforeEach
    void rootOnly() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "StrictModes applies to root; chown needs root");
        markers = Files.createDirectories(tmp.resolve("markers"));
    }

    @Test
    void aWorldWritablePluginDirectoryIsSkippedUntouched() throws IOException {
        Path root = evilRoot(tmp.resolve("plugins"));
        mode(root, 0777);
        assertSkippedWithNoCodeRun(root, root, root + " is writable by others (mode 0777)");
    }

    @Test
    void aPluginDirectoryOwnedByAnotherUserIsSkipped() throws IOException {
        Path root = evilRoot(tmp.resolve("plugins"));
        owner(root, NOBODY);
        assertSkippedWithNoCodeRun(root, root, root + " is owned by nobody (uid 65534)");
    }

    @Test
    void aZipOwnedByAnotherUserIsSkippedAndItsNeighbourLoads() throws IOException {
        Path root = evilRoot(tmp.resolve("plugins"));
        fine(root);
        Path zip = root.resolve("evil.zip");
        owner(zip, NOBODY);
        assertSkippedWithNoCodeRun(root, zip, zip + " is owned by nobody (uid 65534)");
    }

    @Test
    void aGroupWritableZipIsSkipped() throws IOException {
        Path root = evilRoot(tmp.resolve("plugins"));
        Path zip = root.resolve("evil.zip");
        mode(zip, 0664);
        assertSkippedWithNoCodeRun(root, zip, zip + " is writable by its group (mode 0664)");
    }

    @Test
    void aWritableDirectoryAboveIsEnough() throws IOException {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Path root = evilRoot(open.resolve("plugins"));
        mode(open, 0777);
        assertSkippedWithNoCodeRun(root, root, open + " is writable by others (mode 0777)");
    }

    @Test
    void aStickyDirectoryAboveIsAcceptedOnlyWithARootOwnedEntry() throws IOException {
        Path sticky = Files.createDirectories(tmp.resolve("sticky"));
        mode(sticky, 01777);
        Path good = Files.createDirectories(sticky.resolve("good"));
        fine(good);
        ShellRun ok = ShellRun.of("--plugins", good.toString(), "-e", "fine.greet('x')");
        assertEquals(0, ok.status(), ok.err());
        assertEquals("", ok.err());

        Path theirs = Files.createDirectories(sticky.resolve("theirs"));
        Path root = evilRoot(theirs.resolve("plugins"));
        owner(theirs, NOBODY);
        assertSkippedWithNoCodeRun(root, root, theirs + " is owned by nobody (uid 65534)");
    }

    @Test
    void theStickyExceptionIsNotForThePluginDirectoryItself() throws IOException {
        Path root = evilRoot(tmp.resolve("plugins"));
        mode(root, 01777);
        assertSkippedWithNoCodeRun(root, root, root + " is writable by others (mode 1777)");
    }

    @Test
    void aLinkedPluginDirectoryIsJudgedOnTheLinkAndOnWhereItLeads() throws IOException {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Path real = evilRoot(open.resolve("real"));
        mode(open, 0777);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertSkippedWithNoCodeRun(link, link, open + " is writable by others (mode 0777)");

        mode(open, 0755);
        Path theirLink = Files.createSymbolicLink(tmp.resolve("their-link"), real);
        Files.setAttribute(theirLink, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
        assertSkippedWithNoCodeRun(theirLink, theirLink, theirLink + " is a symbolic link owned by nobody (uid 65534)");
    }

    @Test
    void anUnpackedPluginWithAFileOfAnotherUserOrALinkIsSkipped() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("plugins"));
        Path dir = unpacked(root, "evil");
        Path jar = dir.resolve("lib/plugin.jar");
        owner(jar, NOBODY);
        assertSkippedWithNoCodeRun(root, dir, jar + " is owned by nobody (uid 65534)");

        owner(jar, 0);
        Path link = Files.createSymbolicLink(dir.resolve("lib/more.jar"), jar);
        assertSkippedWithNoCodeRun(root, dir, link + " is a symbolic link; a plugin directory may not contain links");
    }

    /** PF4J reads disabled.txt from the first root: an untrusted first root must not switch off trusted plugins. */
    @Test
    void anUntrustedFirstRootDoesNotDecideWhichPluginsRun() throws IOException {
        Path open = evilRoot(tmp.resolve("open"));
        Files.writeString(open.resolve("disabled.txt"), "fine\n");
        mode(open, 0777);
        Path good = Files.createDirectories(tmp.resolve("good"));
        fine(good);
        ShellRun r = ShellRun.of("--plugins", open.toString(), "--plugins", good.toString(), "-e", "fine.greet('x')");
        assertEquals(0, r.status(), r.err());
        assertEquals("hello x", r.out().strip());
        assertEquals(List.of("bosun: plugin " + open + " skipped: " + open + " is writable by others (mode 0777)" + RULE),
                r.err().lines().toList());
        PluginInspectionAttackTest.assertNoMarkers(markers);
    }

    /** What {@code sudo -E bosun} keeps: a user's XDG_DATA_HOME and BOSUN_PLUGIN_PATH. */
    @Test
    void directoriesFromTheEnvironmentAreCheckedToo() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/alice"));
        Path xdgPlugins = evilRoot(home.resolve(".local/share/bosun/plugins"));
        chownTree(home, NOBODY);
        Path path = evilRoot(tmp.resolve("shared/plugins"));
        mode(path, 0777);
        Map<String, String> treeBefore = TreeDigest.of(tmp);
        CliProcess r = CliProcess.run(Map.of("XDG_DATA_HOME", home.resolve(".local/share").toString(),
                "BOSUN_PLUGIN_PATH", path.toString()), "--state", tmp.resolve("s.db").toString(), "-e", "1 + 1");
        assertEquals(0, r.status(), r.err());
        assertEquals("2", r.out().strip());
        assertEquals(List.of(
                "bosun: plugin " + path + " skipped: " + path + " is writable by others (mode 0777)" + RULE,
                "bosun: plugin " + xdgPlugins + " skipped: " + home + " is owned by nobody (uid 65534)" + RULE),
                r.err().lines().toList());
        PluginInspectionAttackTest.assertNoMarkers(markers);
        assertEquals(treeBefore, TreeDigest.of(tmp));

        CliProcess list = CliProcess.run(Map.of("BOSUN_PLUGIN_PATH", path.toString()), "plugins", "list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains(path + " is writable by others (mode 0777)" + RULE), list.out());
        PluginInspectionAttackTest.assertNoMarkers(markers);
    }

    @Test
    void rootDoesNotInstallIntoADirectoryAnotherUserControls() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home/alice"));
        chownTree(home, NOBODY);
        Path user = home.resolve(".local/share/bosun/plugins");
        Path zip = EvilPlugin.build(Files.createDirectories(tmp.resolve("build")), "evil", EvilPlugin.descriptor("evil"),
                markers);
        Map<String, String> before = TreeDigest.of(home);
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, tmp.resolve("s.db"), "test")) {
            BosunException e = assertThrows(BosunException.class,
                    () -> new PluginInstaller(user, List.of(user)).install(zip, ctx));
            assertEquals("plugin evil not installed: the user plugin directory " + user + " is not trusted: " + home
                    + " is owned by nobody (uid 65534)" + RULE, e.getMessage());
            BosunException r = assertThrows(BosunException.class, () -> new PluginInstaller(user, List.of(user)).remove("evil", ctx));
            assertTrue(r.getMessage().startsWith("plugin evil not removed: the user plugin directory " + user
                    + " is not trusted: "), r.getMessage());
        }
        assertEquals(before, TreeDigest.of(home));
        PluginInspectionAttackTest.assertNoMarkers(markers);
    }

    /**
     * Loads with {@code --plugins root}: one skip line for {@code skipped}, no plugin code ran, nothing of the
     * refused plugin changed (PF4J unpacks the trusted neighbour {@code fine.zip}, and only that).
     */
    private void assertSkippedWithNoCodeRun(Path root, Path skipped, String why) throws IOException {
        Map<String, String> before = notFine(TreeDigest.of(root.toRealPath()));
        ShellRun r = ShellRun.of("--plugins", root.toString(), "-e", "typeof evil");
        assertEquals(0, r.status(), r.err());
        assertEquals("undefined", r.out().strip());
        assertEquals(List.of("bosun: plugin " + skipped + " skipped: " + why + RULE),
                r.err().lines().filter(l -> !l.contains("plugin fine ")).toList());
        PluginInspectionAttackTest.assertNoMarkers(markers);
        assertEquals(before, notFine(TreeDigest.of(root.toRealPath())), "the refused plugin was changed (unpacked?)");
        if (Files.exists(root.resolve("fine.zip"))) {
            ShellRun fine = ShellRun.of("--plugins", root.toString(), "-e", "fine.greet('x')");
            assertEquals("hello x", fine.out().strip(), fine.err());
        }
    }

    private static Map<String, String> notFine(Map<String, String> digest) {
        Map<String, String> out = new java.util.TreeMap<>(digest);
        out.keySet().removeIf(k -> k.startsWith("fine"));
        return out;
    }

    /** A root-owned 0755 plugin directory holding the evil plugin zip (0644). */
    private Path evilRoot(Path dir) throws IOException {
        Files.createDirectories(dir);
        EvilPlugin.build(dir, "evil", EvilPlugin.descriptor("evil"), markers);
        deleteBuildLeftovers(dir);
        return dir;
    }

    private static void fine(Path dir) throws IOException {
        TestPlugins.build(dir, "fine", TestPlugins.Spec.of("fine", "1.0.0", "*",
                Map.of("t.fine.FineModule", TestPlugins.module("t.fine", "FineModule", "fine", ""))));
        deleteBuildLeftovers(dir);
    }

    /** The evil plugin unpacked by hand into {@code root/name}, the way PF4J would; no zip beside it. */
    private Path unpacked(Path root, String name) throws IOException {
        Path zip = EvilPlugin.build(Files.createDirectories(tmp.resolve("build")), name, EvilPlugin.descriptor("evil"), markers);
        Path dir = Files.createDirectories(root.resolve(name));
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path f = dir.resolve(e.getName());
                Files.createDirectories(f.getParent());
                Files.write(f, z.readAllBytes());
            }
        }
        return dir;
    }

    /** TestPlugins compiles in a hidden directory beside the zip; it is not part of what is attacked. */
    private static void deleteBuildLeftovers(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".build-")).toList()) {
                try (var w = Files.walk(p)) {
                    for (Path q : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(q);
                    }
                }
            }
        }
    }

    private static void mode(Path p, int mode) throws IOException {
        Files.setAttribute(p, "unix:mode", mode);
    }

    private static void owner(Path p, int uid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    }

    private static void chownTree(Path top, int uid) throws IOException {
        try (var w = Files.walk(top)) {
            for (Path p : w.toList()) {
                owner(p, uid);
            }
        }
    }
}
