package dev.bosun.stdlib.overlay;

import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real overlay mounts, each scenario in a child JVM inside its own mount namespace so nothing reaches
 * the host's mount table; afterwards the host's mountinfo is checked for leaks.
 */
class OverlayMountTest {
    private static final List<String> PRIVATE_NS = List.of("unshare", "-m", "--propagation", "private");
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws IOException {
        root = ScratchRoot.empty();
        root.write("/lower/keep.txt", "keep\n");
        root.write("/lower/etc/motd", "lower motd\n");
        root.write("/lower/etc/gone.txt", "bye\n");
        root.write("/lower/var/log/syslog", "log\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        String mountinfo = Files.readString(Path.of("/proc/self/mountinfo"));
        root.close();
        assertFalse(mountinfo.contains(root.dir().toString()), "a mount leaked into the host namespace:\n" + mountinfo);
    }

    private static void assumeRootWithUnshare() {
        assumeTrue(OverlayTestSupport.isRoot(), "real overlay mounts need root (CI runs as root)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs util-linux unshare");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setfattr")), "needs setfattr (apt-get install attr)");
    }

    @Test
    void createMountWriteDiffOpaqueUnmountRemoveInPrivateNamespace() throws Exception {
        assumeRootWithUnshare();
        ChildJvm.Result r = ChildJvm.run(PRIVATE_NS, MountScenario.class, root.dir().toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> l = r.lines();
        assertTrue(l.contains("xattr=trusted.overlay.opaque=y"), r.out() + r.err());
        assertTrue(l.contains("mount.changed=true"), r.out() + r.err());
        assertTrue(l.contains("mount.again.changed=false"), r.out() + r.err());
        assertTrue(l.contains("mountinfo=true"), r.out() + r.err());
        String realUpper = root.dir().toRealPath().resolve("var/lib/bosun/overlays/box/upper").toString();
        assertTrue(l.contains("mount.options=lowerdir=" + root.dir().toRealPath().resolve("lower") + ",upperdir="
                + realUpper + ",workdir=" + root.dir().toRealPath().resolve("var/lib/bosun/overlays/box/work")), r.out() + r.err());
        assertTrue(l.contains("merged.var.log=[]"), "opaque /var/log must hide the lower syslog: " + r.out() + r.err());
        assertTrue(l.contains("merged.keep=keep"), r.out() + r.err());
        assertEquals(List.of("diff=/etc/gone.txt deleted", "diff=/etc/motd modified", "diff=/new.txt added",
                        "diff=/var/log opaque", "diff=/var/log/app.log added"),
                l.stream().filter(s -> s.startsWith("diff=")).toList(), r.out() + r.err());
        assertTrue(l.contains("status=mounted=true healthy=true problems=[]"), r.out() + r.err());
        assertTrue(l.contains("lower.untouched=lower motd,true,[syslog]"), r.out() + r.err());
        assertTrue(l.contains("unmount.changed=true"), r.out() + r.err());
        assertTrue(l.contains("unmount.again.changed=false"), r.out() + r.err());
        assertTrue(l.contains("after.unmount.mounted=false"), r.out() + r.err());
        assertTrue(l.contains("after.unmount.diff.size=5"), r.out() + r.err());
        assertTrue(l.contains("ro.new=hello"), r.out() + r.err());
        assertTrue(l.contains("ro.status=true"), r.out() + r.err());
        assertTrue(l.contains("ro.options=lowerdir=" + realUpper + ":" + root.dir().toRealPath().resolve("lower")
                + ",noatime,ro"), r.out() + r.err());
        assertTrue(l.contains("remove=true"), r.out() + r.err());
        assertTrue(l.contains("dir.exists=false"), r.out() + r.err());
        assertTrue(l.stream().anyMatch(s -> s.startsWith("busy.remove=overlay \"busy\": ") && s.contains("is busy")
                && s.contains("{force: true}")), r.out() + r.err());
        assertTrue(l.contains("busy.still.mounted=true"), r.out() + r.err());
        assertTrue(l.contains("busy.force=true"), r.out() + r.err());
        assertTrue(l.contains("busy.dir.exists=false"), r.out() + r.err());
        assertTrue(l.contains("list=0"), r.out() + r.err());
        assertEquals("keep\n", root.read("/lower/keep.txt"));
    }

    @Test
    void rootInUserNamespaceUsesUserXattrs() throws Exception {
        assumeRootWithUnshare();
        assumeTrue(OverlayTestSupport.run("unshare", "-rm", "true") == 0, "user namespaces are not available here");
        ChildJvm.Result r = ChildJvm.run(List.of("unshare", "-rm", "--propagation", "private"), MountScenario.class,
                root.dir().toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.lines().contains("xattr=user.overlay.opaque=y"), r.out() + r.err());
        assertTrue(r.lines().stream().anyMatch(s -> s.startsWith("mount.options=") && s.endsWith(",userxattr")), r.out() + r.err());
        assertTrue(r.lines().contains("merged.var.log=[]"), "user.overlay.opaque + userxattr must hide lower: " + r.out() + r.err());
        assertTrue(r.lines().contains("diff=/var/log opaque"), r.out() + r.err());
        assertTrue(r.lines().contains("dir.exists=false"), r.out() + r.err());
    }

    @Test
    void concurrentCreatesOfOneNameAndSpecAllSucceedWithOneLayout() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setfattr")), "needs setfattr (apt-get install attr)");
        Path go = root.dir().resolve("go");
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            children.add(ChildJvm.start(List.of(), CreateOnce.class, root.dir().toString(), "same", go.toString()));
        }
        Thread.sleep(300); // let the JVMs start; correctness does not depend on it, only contention does
        Files.createFile(go);
        List<String> outcomes = new ArrayList<>();
        for (Process p : children) {
            ChildJvm.Result r = ChildJvm.finish(p);
            assertEquals(0, r.exit(), r.out() + r.err());
            outcomes.add(r.out().strip());
        }
        // create is an ensure: the first claim makes the overlay, the others find it made (a racing one may still
        // have planned a directory of its own, so "won" can occur more than once, "lost" never).
        assertTrue(outcomes.contains("won"), outcomes.toString());
        assertTrue(outcomes.stream().allMatch(s -> s.equals("won") || s.equals("same")), outcomes.toString());
        assertTrue(Files.isDirectory(root.path("/var/lib/bosun/overlays/same/upper/var/log")));
    }

    @Test
    void restrictiveUmaskOfARealProcessIsRefused() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh to set a umask");
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077; exec \"$@\"", "sh"));
        ChildJvm.Result r = ChildJvm.run(cmd, CreateOnce.class, root.dir().toString(), "tight", "-");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("lost: current umask (0077) strips read/execute from 'other'"), r.out() + r.err());
        assertFalse(Files.exists(root.path("/var/lib/bosun")), "nothing may be created");
    }
}
