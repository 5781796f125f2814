package dev.bosun.stdlib.attack;

import dev.bosun.stdlib.overlay.ChildJvm;
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
 * A bind mount inside an overlay's upper directory (made by whoever could mount there) must not make
 * Bosun's tree delete descend into the mounted host directory: the delete stops at the mount point and
 * says so. Run in a private mount namespace (a child JVM under {@code unshare -m}), so the mount never
 * exists outside that process.
 */
@Tag("attack")
class FsBindMountDeleteAttackTest {

    @Test
    void aTreeDeleteNeverCrossesABindMount() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "bind mounts need root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs unshare (util-linux)");
        Path base = PathVictims.base("bosun-attack-bind-");
        try (ScratchRoot root = ScratchRoot.empty()) {
            Path victim = PathVictims.victimDir(base);
            Files.writeString(victim.resolve("host-file"), "host data");
            root.write("/srv/box/upper/a-file", "container data");
            Files.createDirectories(root.path("/srv/box/upper/mnt"));
            root.write("/srv/box/work/w", "w");
            String before = fingerprint(victim);

            ChildJvm.Result r = ChildJvm.run(List.of("unshare", "-m", "--propagation", "private"),
                    PathBindMountScenario.class, root.dir().toString(), victim.toString());
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.lines().contains("mounted=true"), r.out());
            assertTrue(r.lines().contains("result=refusing to delete /srv/box/upper/mnt: another file system is mounted"
                    + " there (a delete never crosses a mount point); unmount it first"), r.out());
            assertTrue(r.lines().contains("through.mount=[host-file, secret]"), r.out());

            assertEquals(before, fingerprint(victim));
            assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(root.dir().toString()),
                    "the mount died with the namespace");
        } finally {
            PathVictims.remove(base);
        }
    }
}
