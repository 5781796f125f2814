package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The operations on a scratch root without mounting: layout, records, dry-run, removal, reset, status, diff. */
class OverlayOpsTest {
    private final OverlayModule overlay = new OverlayModule();
    private ScratchRoot root;
    private Path outside;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(OverlayTestSupport.isRoot(), "opaque dirs use trusted.* xattrs, which need root (CI runs as root)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setfattr")), "needs setfattr (apt-get install attr)");
        root = ScratchRoot.empty();
        root.write("/lower/etc/motd", "lower motd\n");
        root.write("/lower/var/log/syslog", "log\n");
        Files.createDirectories(root.path("/lower/secret"));
        Files.setPosixFilePermissions(root.path("/lower/secret"), PosixFilePermissions.fromString("rwx------"));
        outside = Files.createTempDirectory("bosun-outside-");
        Files.writeString(outside.resolve("precious.txt"), "precious");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (root != null) {
            root.close();
        }
        if (outside != null) {
            try (Stream<Path> w = Files.walk(outside)) {
                for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private LocalHostContext ctx() {
        return root.context(false);
    }

    private OverlayInfo createBox(LocalHostContext ctx) {
        return overlay.create(ctx, "box", new CreateSpec(List.of("/lower"), List.of("/var/log", "/secret/inner"), null));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    private List<String> tree() throws IOException {
        try (Stream<Path> w = Files.walk(root.dir())) {
            return w.map(p -> root.dir().relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void createMakesSdmeLayoutRecordAndOpaqueXattrOnUpper() throws IOException {
        try (LocalHostContext ctx = ctx()) {
            OverlayInfo info = createBox(ctx);
            assertTrue(info.changed());
            assertEquals("/var/lib/bosun/overlays/box/upper", info.upper());
            assertEquals("trusted.overlay.opaque", info.opaqueXattr());
            Path dir = root.path("/var/lib/bosun/overlays/box");
            assertEquals("rwxr-xr-x", mode(dir.resolve("upper")));
            assertEquals("rwx------", mode(dir.resolve("work")));
            assertEquals("rwxr-xr-x", mode(dir.resolve("merged")));
            assertEquals("rwx------", mode(root.path("/var/lib/bosun/overlays")));
            assertEquals("y", new String(ctx.fs().xattr("/var/lib/bosun/overlays/box/upper/var/log", "trusted.overlay.opaque"),
                    StandardCharsets.UTF_8));
            // upper dirs stand in for lower ones: the 0700 /secret stays 0700 in the merged view
            assertEquals("rwx------", mode(dir.resolve("upper/secret")));
            assertEquals("rwxr-xr-x", mode(dir.resolve("upper/secret/inner")));
            assertEquals(List.of("box"), overlay.list(ctx).stream().map(OverlayInfo::name).toList());
            assertEquals(List.of("/var/log", "/secret/inner"), overlay.list(ctx).getFirst().opaque());
            assertFalse(overlay.list(ctx).getFirst().mounted());
            OverlayStatus st = overlay.status(ctx, "box");
            assertTrue(st.healthy(), st.problems().toString());
            assertEquals(4, st.upperEntries()); // var, var/log, secret, secret/inner
        }
    }

    @Test
    void secondCreateWithAnotherSpecFailsAndChangesNothing() throws IOException {
        try (LocalHostContext ctx = ctx()) {
            createBox(ctx);
            List<String> before = tree();
            int planned = ctx.plan().size();
            BosunException e = assertThrows(BosunException.class, () -> overlay.create(ctx, "box",
                    new CreateSpec(List.of("/lower"), null, null)));
            assertEquals("overlay \"box\" already exists with another spec (in /var/lib/bosun/overlays/box, lower "
                    + "/lower, opaque [/var/log, /secret/inner]); remove it with overlay.remove or pick another name",
                    e.getMessage());
            assertEquals(before, tree());
            assertEquals(planned, ctx.plan().size());
        }
    }

    @Test
    void secondCreateWithTheSameSpecChangesNothingAndRepairsWhatIsMissing() throws IOException {
        try (LocalHostContext ctx = ctx()) {
            createBox(ctx);
            List<String> before = tree();
            int planned = ctx.plan().size();
            OverlayInfo again = createBox(ctx);
            assertFalse(again.changed(), again.toString());
            assertEquals(before, tree());
            assertEquals(planned, ctx.plan().size(), "a converged create plans nothing");
            // As if a crash had stopped the first create after its record: the rerun makes what is missing.
            Files.delete(root.path("/var/lib/bosun/overlays/box/merged"));
            assertTrue(createBox(ctx).changed());
            assertEquals(before, tree());
        }
    }

    @Test
    void leftoverDirectoryWithoutRecordIsRefusedAndTheClaimIsReleased() throws IOException {
        Files.createDirectories(root.path("/var/lib/bosun/overlays/box/upper"));
        Files.writeString(root.path("/var/lib/bosun/overlays/box/upper/keep"), "mine");
        try (LocalHostContext ctx = ctx()) {
            BosunException e = assertThrows(BosunException.class, () -> createBox(ctx));
            assertEquals("/var/lib/bosun/overlays/box already exists but no overlay record names it (left over?); "
                    + "move it away or pick another name", e.getMessage());
            assertEquals("mine", root.read("/var/lib/bosun/overlays/box/upper/keep"));
            assertEquals(List.of(), overlay.list(ctx));
        }
    }

    @Test
    void badInputChangesNothing() throws IOException {
        try (LocalHostContext ctx = ctx()) {
            List<String> before = tree();
            assertEquals("name \"Box\" must match ^[a-z][a-z0-9-]{0,63}$ (a lower-case letter, then up to 63 of a-z, "
                    + "0-9, '-')", assertThrows(InvalidValueException.class, () -> overlay.create(ctx, "Box",
                    new CreateSpec(List.of("/lower"), null, null))).getMessage());
            assertEquals("lower /nope (/nope) does not exist under root " + root.dir().toRealPath(),
                    assertThrows(BosunException.class, () -> overlay.create(ctx, "box",
                            new CreateSpec(List.of("/nope"), null, null))).getMessage());
            assertEquals("lower /lower/etc/motd (/lower/etc/motd) is a file, not a directory under root "
                    + root.dir().toRealPath(), assertThrows(BosunException.class, () -> overlay.create(ctx, "box",
                    new CreateSpec(List.of("/lower/etc/motd"), null, null))).getMessage());
            assertEquals("no overlay named \"ghost\"; overlay.list() shows the existing ones",
                    assertThrows(BosunException.class, () -> overlay.mount(ctx, "ghost", null)).getMessage());
            assertEquals(before.stream().filter(p -> !p.startsWith("var")).toList(),
                    tree().stream().filter(p -> !p.startsWith("var")).toList());
            assertFalse(Files.exists(root.path("/var/lib/bosun/overlays")));
            assertEquals(0, ctx.plan().size());
        }
    }

    @Test
    void trustedOverlayRefusesUserxattrOption() throws IOException {
        try (LocalHostContext ctx = ctx()) {
            createBox(ctx);
            assertEquals("options \"userxattr\" does not fit overlay \"box\": its opaque dirs are marked with "
                    + "trusted.overlay.opaque (it was created by root in the initial user namespace)",
                    assertThrows(InvalidValueException.class, () -> overlay.mount(ctx, "box",
                            new MountSpec(null, List.of("userxattr")))).getMessage());
        }
    }

    @Test
    void dryRunShowsDirectoriesAndXattrsAndRefusesTheMountUnderRoot() throws IOException {
        List<String> before = tree();
        String mountinfo = Files.readString(Path.of("/proc/self/mountinfo"));
        try (LocalHostContext ctx = root.context(true)) {
            createBox(ctx);
            assertEquals(List.of(), overlay.diff(ctx, "box"));
            List<String> plan = ctx.plan().changes().stream().map(c -> c.kind() + " " + c.summary()).toList();
            String real = root.dir().toRealPath().toString();
            assertTrue(plan.contains("mkdir mkdir /var/lib/bosun/overlays/box/upper (mode 0755)"), plan.toString());
            assertTrue(plan.contains("mkdir mkdir /var/lib/bosun/overlays/box/work (mode 0700)"), plan.toString());
            assertTrue(plan.contains("mkdir mkdir /var/lib/bosun/overlays/box/merged (mode 0755)"), plan.toString());
            assertTrue(plan.contains("exec setfattr -h -n trusted.overlay.opaque -v y " + real
                    + "/var/lib/bosun/overlays/box/upper/var/log"), plan.toString());
            assertTrue(ctx.plan().changes().stream().anyMatch(c -> c.kind() == Change.Kind.STATE));
            // The mount itself is the live mount table's, which the scratch root does not redirect: refused in
            // the test JVM's own namespace (MountScenario mounts for real in a private one).
            assumeTrue(MountNamespace.privateOne() == null, "this test JVM runs in a private mount namespace");
            int planned = ctx.plan().size();
            BosunException e = assertThrows(BosunException.class, () -> overlay.mount(ctx, "box", null));
            assertEquals("overlay \"box\": the root is " + root.dir() + ", not the live system, and mounting or "
                    + "unmounting changes the live mount table, which --root does not redirect; run Bosun in a private "
                    + "mount namespace (unshare -m --propagation private) or on /", e.getMessage());
            assertEquals(planned, ctx.plan().size());
        }
        assertEquals(before, tree());
        assertEquals(mountinfo, Files.readString(Path.of("/proc/self/mountinfo")));
    }

    @Test
    void removeWithHostileUpperDeletesNothingOutside() throws Exception {
        try (LocalHostContext ctx = ctx()) {
            createBox(ctx);
            Path upper = root.path("/var/lib/bosun/overlays/box/upper");
            Path work = root.path("/var/lib/bosun/overlays/box/work");
            Files.createSymbolicLink(upper.resolve("file-link"), outside.resolve("precious.txt"));
            Files.createSymbolicLink(upper.resolve("dir-link"), outside);
            Files.createDirectories(upper.resolve("deep/er"));
            Files.createSymbolicLink(upper.resolve("deep/er/up"), Path.of("../../../../../../../../.."));
            Files.createLink(upper.resolve("hard"), outside.resolve("precious.txt"));
            Files.walk(work).sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            Files.createSymbolicLink(work, outside); // work itself replaced by a link to outside
            Outcome out = overlay.remove(ctx, "box", null);
            assertTrue(out.changed());
            assertFalse(Files.exists(root.path("/var/lib/bosun/overlays/box"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
            assertEquals("precious", Files.readString(outside.resolve("precious.txt")));
            try (Stream<Path> s = Files.list(outside)) {
                assertEquals(1, s.count());
            }
            assertEquals("lower motd\n", root.read("/lower/etc/motd"));
            assertEquals(List.of(), overlay.list(ctx));
        }
    }

    @Test
    void removeRefusesASymlinkedOverlaysDirectory() throws Exception {
        try (LocalHostContext ctx = ctx()) {
            createBox(ctx);
            Path overlays = root.path("/var/lib/bosun/overlays");
            Files.move(overlays, outside.resolve("moved"));
            Files.createSymbolicLink(overlays, outside.resolve("moved"));
            BosunException e = assertThrows(BosunException.class, () -> overlay.remove(ctx, "box", null));
            assertEquals("/var/lib/bosun/overlays is a symlink (to " + outside.resolve("moved")
                    + "); refusing to delete through it", e.getMessage());
            assertTrue(Files.isDirectory(outside.resolve("moved/box/upper")));
        }
    }

    @Test
    void resetEmptiesUpperAndWorkKeepsOpaqueDirsAndIsIdempotent() throws Exception {
        try (LocalHostContext ctx = ctx()) {
            createBox(ctx);
            assertFalse(overlay.reset(ctx, "box").changed());
            Path upper = root.path("/var/lib/bosun/overlays/box/upper");
            Files.writeString(upper.resolve("var/log/new.log"), "x");
            Files.writeString(upper.resolve("added.txt"), "x");
            Files.createSymbolicLink(upper.resolve("out"), outside);
            Files.createDirectories(root.path("/var/lib/bosun/overlays/box/work/work"));
            Outcome r = overlay.reset(ctx, "box");
            assertEquals("emptied upper and work, re-marked 2 opaque dir(s)", r.detail());
            try (Stream<Path> w = Files.walk(upper)) {
                assertEquals(List.of("", "secret", "secret/inner", "var", "var/log"),
                        w.map(p -> upper.relativize(p).toString()).sorted().toList());
            }
            assertTrue(Xattr.isY(ctx.fs().xattr("/var/lib/bosun/overlays/box/upper/var/log", "trusted.overlay.opaque")));
            assertEquals(List.of(), Files.list(root.path("/var/lib/bosun/overlays/box/work")).toList());
            assertEquals("precious", Files.readString(outside.resolve("precious.txt")));
            assertFalse(overlay.reset(ctx, "box").changed());
        }
    }

    @Test
    void statusReportsWrongModesMissingLowerAndUnmarkedOpaqueDirs() throws Exception {
        try (LocalHostContext ctx = ctx()) {
            createBox(ctx);
            Path dir = root.path("/var/lib/bosun/overlays/box");
            Files.setPosixFilePermissions(dir.resolve("upper"), PosixFilePermissions.fromString("rwx------"));
            assertEquals(0, OverlayTestSupport.run("setfattr", "-x", "trusted.overlay.opaque",
                    dir.resolve("upper/var/log").toString()));
            Files.delete(dir.resolve("merged"));
            Files.writeString(dir.resolve("upper/var/log/a.log"), "12345");
            OverlayStatus st = overlay.status(ctx, "box");
            assertFalse(st.healthy());
            assertFalse(st.mounted());
            assertEquals(List.of("upper /var/lib/bosun/overlays/box/upper has mode 0700, expected 0755",
                    "merged /var/lib/bosun/overlays/box/merged is missing",
                    "opaque dir /var/log is not marked (/var/lib/bosun/overlays/box/upper/var/log lacks "
                            + "trusted.overlay.opaque=y); overlay.reset marks it again"), st.problems());
            assertEquals(5, st.upperBytes());
            root.close();
            root = null;
        }
    }

    @Test
    void statusReportsAMissingLower() throws Exception {
        try (LocalHostContext ctx = ctx()) {
            overlay.create(ctx, "box", new CreateSpec(List.of("/lower/etc"), null, null));
            Files.delete(root.path("/lower/etc/motd"));
            Files.delete(root.path("/lower/etc"));
            assertEquals(List.of("lower /lower/etc is missing"), overlay.status(ctx, "box").problems());
            assertEquals("overlay \"box\" lower /lower/etc (/lower/etc) does not exist under root "
                    + root.dir().toRealPath(), assertThrows(BosunException.class,
                    () -> overlay.mount(ctx, "box", null)).getMessage());
        }
    }

    @Test
    void diffReadsWhiteoutsOpaqueDirsAndXattrWhiteoutsFromUpper() throws Exception {
        try (LocalHostContext ctx = ctx()) {
            createBox(ctx);
            root.write("/lower/etc/gone", "x");
            root.write("/lower/etc/xgone", "x");
            Path upper = root.path("/var/lib/bosun/overlays/box/upper");
            Files.createDirectories(upper.resolve("etc/sub"));
            Files.writeString(upper.resolve("etc/motd"), "changed");
            Files.writeString(upper.resolve("etc/sub/new"), "new");
            assertEquals(0, OverlayTestSupport.run("mknod", upper.resolve("etc/gone").toString(), "c", "0", "0"));
            // The kernel's xattr whiteouts (6.7+): parent marked opaque=x, a zero-size file with overlay.whiteout.
            Files.createFile(upper.resolve("etc/xgone"));
            assertEquals(0, OverlayTestSupport.run("setfattr", "-n", "trusted.overlay.whiteout", "-v", "y",
                    upper.resolve("etc/xgone").toString()));
            assertEquals(0, OverlayTestSupport.run("setfattr", "-n", "trusted.overlay.opaque", "-v", "x",
                    upper.resolve("etc").toString()));
            Files.createSymbolicLink(upper.resolve("link"), outside);
            List<String> diff = overlay.diff(ctx, "box").stream().map(d -> d.path() + " " + d.kind()).toList();
            assertEquals(List.of("/etc/gone deleted", "/etc/motd modified", "/etc/sub added", "/etc/sub/new added",
                    "/etc/xgone deleted", "/link added", "/secret/inner opaque", "/var/log opaque"), diff);
        }
    }
}
