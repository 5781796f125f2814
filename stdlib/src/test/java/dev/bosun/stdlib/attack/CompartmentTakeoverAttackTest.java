package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.compartments.CompartmentSpec;
import dev.bosun.stdlib.compartments.CompartmentsModule;
import dev.bosun.stdlib.compartments.TreeFingerprint;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import dev.bosun.stdlib.users.ShadowTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Attempts to make compartments.apply or remove touch what Bosun did not make: an account that already has the
 * compartment's name, a unit file planted under the name of one of its units, a link planted inside a volume to a
 * file outside it. Each is refused or ignored, and nothing outside what the compartment owns changes.
 */
@Tag("attack")
class CompartmentTakeoverAttackTest {
    private static final String SPEC = """
            {"id": "web", "volumes": [{"name": "html"}],
             "containers": [{"unit": {"name": "web", "image": "docker.io/library/nginx:1.27"},
                             "volumes": [{"volume": "html", "path": "/usr/share/nginx/html"}]}]}""";

    private final CompartmentsModule compartments = new CompartmentsModule();
    private ScratchRoot root;
    private Path state;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(ShadowTool.usable(), "needs root and shadow-utils (useradd --prefix)");
        root = ScratchRoot.fromHostEtc();
        state = Files.createTempDirectory("bosun-compartment-state-");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (root != null) {
            root.close();
        }
        try (var w = Files.walk(state)) {
            for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private LocalHostContext context() {
        return LocalHostContext.open(root.dir(), false, state.resolve("bosun.db"), "test");
    }

    private CompartmentSpec spec() {
        return spec(SPEC);
    }

    private CompartmentSpec spec(String json) {
        try (LocalHostContext ctx = context()) {
            return compartments.importSpec(ctx, json, null);
        }
    }

    private TreeFingerprint tree() {
        return TreeFingerprint.of(root.dir(), p -> false);
    }

    @Test
    void anAccountWithTheCompartmentsNameIsNeverTakenOverOrRemoved() throws Exception {
        assertEquals(0, ShadowTool.run(root.dir(), "useradd", "-r", "-m", "-d", "/home/qm-web", "qm-web").rc());
        TreeFingerprint before = tree();
        try (LocalHostContext ctx = context()) {
            BosunException e = assertThrows(BosunException.class, () -> compartments.apply(ctx, spec(), null));
            assertEquals("user qm-web exists but was not made by Bosun for compartment web; Bosun never takes over or "
                    + "deletes what it did not create (remove or rename it first); nothing was changed", e.getMessage());
            assertFalse(compartments.remove(ctx, "web", null).changed());
        }
        assertEquals(before, tree(), "the foreign user's files changed");
    }

    @Test
    void aUnitFilePlantedUnderAUnitsNameIsRefusedNotOverwritten() throws Exception {
        try (LocalHostContext ctx = context()) {
            compartments.apply(ctx, spec("{\"id\": \"web\"}"), null);
        }
        Path planted = root.path("/home/qm-web/.config/containers/systemd/web.container");
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, "[Container]\nImage=evil\n");
        // Planted by the compartment user itself (it owns its home): the file and the directory are its own.
        Object uid = Files.getAttribute(root.path("/home/qm-web"), "unix:uid");
        Object gid = Files.getAttribute(root.path("/home/qm-web"), "unix:gid");
        for (Path p : java.util.List.of(planted.getParent(), planted)) {
            Files.setAttribute(p, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", gid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
        TreeFingerprint before = tree();
        try (LocalHostContext ctx = context()) {
            BosunException e = assertThrows(BosunException.class, () -> compartments.apply(ctx, spec(), null));
            assertEquals("unit /home/qm-web/.config/containers/systemd/web.container exists but was not made by Bosun for "
                    + "compartment web; Bosun never takes over or deletes what it did not create (remove or rename it first); "
                    + "nothing was changed", e.getMessage());
        }
        assertEquals("[Container]\nImage=evil\n", Files.readString(planted));
        // The refusal came before the volumes and units were made; only the ownership records (outside the root) differ.
        assertEquals(before, tree());
    }

    @Test
    void aLinkPlantedInAVolumeLeadsRemoveNowhere() throws Exception {
        Path victim = Files.createTempFile("bosun-victim-", ".txt");
        try {
            Files.writeString(victim, "keep me");
            try (LocalHostContext ctx = context()) {
                compartments.apply(ctx, spec(), null);
            }
            // What a container (as the compartment user) can do inside its volume: links to anything.
            Path vol = root.path("/var/lib/bosun-volumes/web/html");
            Files.createSymbolicLink(vol.resolve("escape"), victim);
            Files.createSymbolicLink(vol.resolve("etc"), Path.of("/etc"));
            try (LocalHostContext ctx = context()) {
                assertTrue(compartments.remove(ctx, "web", null).changed());
            }
            assertEquals("keep me", Files.readString(victim));
            assertTrue(Files.exists(Path.of("/etc/passwd")));
            assertFalse(Files.exists(root.path("/var/lib/bosun-volumes")), "the volumes went, links and all");
        } finally {
            Files.deleteIfExists(victim);
        }
    }
}
