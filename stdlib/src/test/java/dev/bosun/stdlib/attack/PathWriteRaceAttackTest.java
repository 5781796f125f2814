package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.api.WriteOptions;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.overlay.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.bosun.stdlib.attack.PathVictims.NOBODY;
import static dev.bosun.stdlib.attack.PathVictims.fingerprint;
import static dev.bosun.stdlib.attack.PathVictims.userDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The temp-file race of issue 12: a user swaps Bosun's temp file in their Quadlet directory for a
 * symlink between create and chmod, and the directory itself for a link to a root-owned directory,
 * in a loop (a child process really running as uid 65534), while Bosun writes the unit 200 times and
 * creates directories there. The root-owned 0600 victim never changes content, mode or owner, and
 * nothing appears beside it; every failed write fails with one line.
 */
@Tag("attack")
class PathWriteRaceAttackTest {
    private static final int WRITES = 200;

    @Test
    void swappingTempFilesAndTheDirectoryForLinksNeverReachesTheVictim() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the attacker runs as uid 65534, which needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        Path base = PathVictims.base("bosun-attack-race-");
        try {
            Path victim = PathVictims.victimDir(base);
            Path home = userDir(base.resolve("alice"));
            Path dir = userDir(home.resolve("q"));
            String before = fingerprint(victim);
            Path stop = base.resolve("stop");
            Process swapper = ChildJvm.start(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"),
                    PathLinkSwapper.class, "temps", dir.toString(), victim.resolve("secret").toString(), "400000",
                    stop.toString());
            int failed = 0;
            java.util.Map<String, Integer> why = new java.util.TreeMap<>();
            String unit = dir.resolve("web.container").toString();
            try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, base.resolve("state.db"), "attack")) {
                for (int i = 0; i < WRITES; i++) {
                    try {
                        ctx.fs().write(unit, "[Container]\nImage=nginx\n# " + i + "\n",
                                WriteOptions.mode(0644).withOwner(NOBODY, NOBODY));
                        if (i % 10 == 0) {
                            ctx.fs().mkdirs(dir.resolve("sub" + i).toString(), 0755, NOBODY, NOBODY);
                        }
                    } catch (BosunException e) {
                        failed++;
                        why.merge(e.getMessage().replaceAll("bosun-[0-9a-f]+|sub[0-9]+|/tmp/[^ :]*", "…"), 1, Integer::sum);
                        assertFalse(e.getMessage().contains("\n"));
                        assertTrue(e.getMessage().startsWith("cannot ") || e.getMessage().startsWith("refusing "),
                                e.getMessage());
                    }
                }
                Files.writeString(stop, "stop");
                ChildJvm.Result r = ChildJvm.finish(swapper);
                assertEquals(0, r.exit(), r.err());
                assertTrue(r.out().startsWith("rounds="), r.out());
                // The swapper really raced: it ran while Bosun wrote (its rounds), and Bosun noticed some of it.
                System.out.println("write race: " + r.out().strip() + ", " + failed + " of " + WRITES + " writes refused: "
                        + why);

                // With the attacker gone, the write works and the unit is the user's regular file.
                ctx.fs().write(unit, "[Container]\nImage=nginx\n", WriteOptions.mode(0644).withOwner(NOBODY, NOBODY));
                FileStat st = ctx.fs().stat(unit);
                assertEquals(FileStat.Type.FILE, st.type());
                assertEquals(NOBODY, st.uid());
                assertEquals(0644, st.mode());
            } finally {
                Files.writeString(stop, "stop");
                swapper.destroyForcibly().waitFor();
            }
            assertEquals(before, fingerprint(victim));
        } finally {
            PathVictims.remove(base);
        }
    }
}
