package dev.bosun.stdlib.overlay;

import dev.bosun.api.WriteOptions;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Under --dry-run the overlay operations read the planned view through Fs, not the real directories:
 * a planned write into the upper layer shows in the diff, a planned reset empties diff and usage,
 * and the real upper layer stays as it was.
 */
class OverlayDryRunViewTest {
    private static final String UPPER = "/var/lib/bosun/overlays/plain/upper";
    private final OverlayModule overlay = new OverlayModule();
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(OverlayTestSupport.isRoot(), "the overlay layout is root's (CI runs as root)");
        root = ScratchRoot.empty();
        root.write("/lower/etc/motd", "lower motd\n");
        try (LocalHostContext ctx = root.context(false)) {
            overlay.create(ctx, "plain", new CreateSpec(List.of("/lower"), null, null));
        }
        // What a container wrote into its upper layer.
        root.write(UPPER + "/etc/motd", "changed\n");
        root.write(UPPER + "/added.txt", "new\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (root != null) {
            root.close();
        }
    }

    private List<String> diff(LocalHostContext ctx) {
        return overlay.diff(ctx, "plain").stream().map(d -> d.path() + " " + d.kind()).toList();
    }

    @Test
    void diffAndStatusSeeThePlannedUpperLayer() throws IOException {
        try (LocalHostContext ctx = root.context(true)) {
            assertEquals(List.of("/added.txt added", "/etc/motd modified"), diff(ctx));
            ctx.fs().write(UPPER + "/etc/planned.conf", "p\n", WriteOptions.DEFAULT);
            assertEquals(List.of("/added.txt added", "/etc/motd modified", "/etc/planned.conf added"), diff(ctx));
            overlay.reset(ctx, "plain");
            assertEquals(List.of(), diff(ctx), "the planned reset emptied the upper layer in the view");
            assertEquals(0, overlay.status(ctx, "plain").upperEntries());
        }
        assertEquals("changed\n", root.read(UPPER + "/etc/motd"));
        assertEquals("new\n", root.read(UPPER + "/added.txt"));
        assertEquals(false, Files.exists(Path.of(root.path(UPPER) + "/etc/planned.conf")));
        try (LocalHostContext ctx = root.context(false)) {
            assertEquals(List.of("/added.txt added", "/etc/motd modified"), diff(ctx));
        }
    }
}
