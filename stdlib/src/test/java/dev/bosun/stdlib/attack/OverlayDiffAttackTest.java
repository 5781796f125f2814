package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.overlay.ChildJvm;
import dev.bosun.stdlib.overlay.CreateSpec;
import dev.bosun.stdlib.overlay.DiffEntry;
import dev.bosun.stdlib.overlay.OverlayModule;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.bosun.stdlib.attack.PathVictims.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code overlay.diff} reads a tree its container writes while Bosun reads it: it must never follow a link the
 * container plants (not even one swapped in between listing a directory and opening it) and never walk into a
 * file system mounted inside the upper layer. Either would list, to whoever reads the diff, names of files
 * the container must not see (a root-only victim directory here).
 */
@Tag("attack")
class OverlayDiffAttackTest {
    private static final int ROUNDS = 200;

    @Test
    void aDiffNeverFollowsALinkSwappedForADirectory() throws Exception {
        Path base = PathVictims.base("bosun-attack-diff-");
        try (ScratchRoot root = ScratchRoot.empty()) {
            Path victim = PathVictims.victimDir(base);
            Files.writeString(victim.resolve("other"), "also precious");
            String before = fingerprint(victim);
            root.write("/lower/keep.txt", "keep\n");
            OverlayModule overlay = new OverlayModule();
            try (LocalHostContext ctx = root.context(false)) {
                overlay.create(ctx, "box", new CreateSpec(List.of("/lower"), null, null));
                Path upper = root.path("/var/lib/bosun/overlays/box/upper");
                Files.writeString(upper.resolve("top.txt"), "top");
                Path stop = base.resolve("stop");
                // The writer swaps upper/d between a directory (holding f) and a link to the victim, in a loop.
                Process swapper = ChildJvm.start(List.of(), PathLinkSwapper.class, "subdir", upper.toString(),
                        victim.toString(), "2000000", stop.toString());
                try {
                    for (int i = 0; i < ROUNDS; i++) {
                        List<String> seen = overlay.diff(ctx, "box").stream().map(DiffEntry::path).toList();
                        for (String p : seen) {
                            assertFalse(p.contains("secret") || p.contains("other"), "round " + i + " listed " + p + ": " + seen);
                            assertTrue(List.of("/top.txt", "/d", "/d/f", "/d.aside", "/d.aside/f", "/d.evil").contains(p),
                                    "round " + i + " listed " + p + ": " + seen);
                        }
                    }
                } finally {
                    Files.writeString(stop, "stop");
                    ChildJvm.Result r = ChildJvm.finish(swapper);
                    assertEquals(0, r.exit(), r.err());
                    System.out.println("diff link race: " + r.out().strip() + " while " + ROUNDS + " diffs ran");
                }
            }
            assertEquals(before, fingerprint(victim));
        } catch (BosunException e) {
            throw new AssertionError("the diff must skip what changes under it, not fail: " + e.getMessage(), e);
        } finally {
            PathVictims.remove(base);
        }
    }

    @Test
    void aDiffNeverEntersAMountInsideTheUpperLayer() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "bind mounts need root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs unshare (util-linux)");
        Path base = PathVictims.base("bosun-attack-diffmnt-");
        try (ScratchRoot root = ScratchRoot.empty()) {
            Path victim = PathVictims.victimDir(base);
            String before = fingerprint(victim);
            root.write("/lower/keep.txt", "keep\n");
            ChildJvm.Result r = ChildJvm.run(List.of("unshare", "-m", "--propagation", "private"),
                    OverlayDiffMountScenario.class, root.dir().toString(), victim.toString());
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.lines().contains("mounted=true"), r.out());
            assertEquals(List.of("diff=/mnt added", "diff=/own.txt added"),
                    r.lines().stream().filter(l -> l.startsWith("diff=")).toList(), r.out());
            assertTrue(r.lines().contains("upperEntries=2"), r.out());
            assertEquals(before, fingerprint(victim));
            assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(root.dir().toString()),
                    "the mount died with the namespace");
        } finally {
            PathVictims.remove(base);
        }
    }
}
