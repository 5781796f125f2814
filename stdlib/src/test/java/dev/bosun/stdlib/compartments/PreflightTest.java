package dev.bosun.stdlib.compartments;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.rootless.FindingStatus;
import dev.bosun.stdlib.rootless.RootlessCheckResult;
import dev.bosun.stdlib.rootless.RootlessFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** apply's preflight: a live host that cannot run rootless containers is refused with the reasons; a tree is warned about. */
class PreflightTest {
    private static final RootlessFinding TUN = new RootlessFinding("tun", "/dev/net/tun", FindingStatus.FAIL,
            "/dev/net/tun does not exist", "modprobe tun");
    private static final RootlessCheckResult CANNOT = new RootlessCheckResult(false, "cannot run", null, null, null,
            List.of(new RootlessFinding("cgroup", "cgroup v2", FindingStatus.OK, "unified", null), TUN));
    private static final RootlessCheckResult CAN = new RootlessCheckResult(true, "can run", null, null, "5.4.2",
            List.of(new RootlessFinding("cgroup", "cgroup v2", FindingStatus.OK, "unified", null)));

    @Test
    void theLiveHostIsRefusedWithEveryFailedFindingAndItsRemedy(@TempDir Path dir) {
        CompartmentSpec spec = new CompartmentsModule().importSpec(null, "{\"id\": \"web\"}", null);
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), true, dir.resolve("s.db"), "test")) {
            BosunException e = assertThrows(BosunException.class, () -> Preflight.of(c -> CANNOT).require(ctx, spec));
            assertEquals("compartment \"web\" cannot run on this host: tun failed (/dev/net/tun does not exist), "
                    + "remedy: modprobe tun", e.getMessage());
            assertEquals(0, ctx.plan().size());
            assertEquals(List.of(), Preflight.of(c -> CAN).require(ctx, spec));
        }
    }

    @Test
    void aTreeUnderRootIsWarnedAbout(@TempDir Path dir) throws Exception {
        CompartmentSpec spec = new CompartmentsModule().importSpec(null, "{\"id\": \"web\"}", null);
        Path root = Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(root.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
        try (LocalHostContext ctx = LocalHostContext.open(root.getParent(), true, dir.resolve("s.db"), "test")) {
            List<String> warnings = Preflight.of(c -> CANNOT).require(ctx, spec);
            assertEquals(1, warnings.size());
            assertTrue(warnings.getFirst().contains("tun failed (/dev/net/tun does not exist), remedy: modprobe tun"),
                    warnings.toString());
        }
    }
}
