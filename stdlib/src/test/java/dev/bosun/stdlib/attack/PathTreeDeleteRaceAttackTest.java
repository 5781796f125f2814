package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.overlay.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.bosun.stdlib.attack.PathVictims.NOBODY;
import static dev.bosun.stdlib.attack.PathVictims.chown;
import static dev.bosun.stdlib.attack.PathVictims.fingerprint;
import static dev.bosun.stdlib.attack.PathVictims.userDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code overlay.remove}'s tree delete while the container keeps writing its upper layer: a child process
 * running as uid 65534 swaps a subdirectory of the tree for a link to a root-owned victim directory and
 * back, in a loop, while Bosun deletes the tree 50 times (rebuilt each round). The victim stays intact.
 */
@Tag("attack")
class PathTreeDeleteRaceAttackTest {
    private static final int ROUNDS = 50;

    @Test
    void swappingASubdirectoryForALinkNeverRedirectsTheDelete() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the attacker runs as uid 65534, which needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        Path base = PathVictims.base("bosun-attack-tree-");
        try {
            Path victim = PathVictims.victimDir(base);
            Files.writeString(victim.resolve("other"), "also precious");
            Path upper = base.resolve("overlay/upper");
            Files.createDirectories(upper.getParent());
            String before = fingerprint(victim);
            Path stop = base.resolve("stop");
            build(upper);
            userDir(upper.resolve("d"));
            for (int i = 0; i < 20; i++) {
                chown(Files.writeString(upper.resolve("d/f" + i), "data " + i));
            }
            Process swapper = ChildJvm.start(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"),
                    PathLinkSwapper.class, "subdir", upper.toString(), victim.toString(), "400000", stop.toString());
            int refused = 0;
            try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, base.resolve("state.db"), "attack")) {
                for (int i = 0; i < ROUNDS; i++) {
                    build(upper);
                    try {
                        ctx.fs().deleteTree(upper.toString());
                    } catch (BosunException e) {
                        refused++;
                        assertFalse(e.getMessage().contains("\n"));
                        assertTrue(e.getMessage().startsWith("cannot delete " + upper), e.getMessage());
                    }
                    assertEquals(before, fingerprint(victim), "round " + i);
                }
                Files.writeString(stop, "stop");
                ChildJvm.Result r = ChildJvm.finish(swapper);
                assertEquals(0, r.exit(), r.err());
                System.out.println("tree delete race: " + r.out().strip() + ", " + refused + " of " + ROUNDS
                        + " deletes gave up");
                // With the writer gone the delete completes.
                ctx.fs().deleteTree(upper.toString());
                assertFalse(Files.exists(upper));
            } finally {
                Files.writeString(stop, "stop");
                swapper.destroyForcibly().waitFor();
            }
            assertEquals(before, fingerprint(victim));
        } finally {
            PathVictims.remove(base);
        }
    }

    /**
     * An upper layer owned by the container's user with a few files; its subdirectory d is the swapper's
     * to make (as the user), since root writing into it by path here would itself follow the swapped link.
     */
    private static void build(Path upper) throws Exception {
        userDir(upper);
        for (int i = 0; i < 5; i++) {
            chown(Files.writeString(upper.resolve("top" + i), "top"));
        }
    }
}
