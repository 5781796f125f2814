package dev.bosun.stdlib.systemd;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemdModuleTest {
    private final SystemdModule s = new SystemdModule();

    @Test
    void dryRunPlansTheUserManagerCommandAndRunsNothing(@TempDir Path tmp) {
        // The live root under dry-run: nothing runs, whether or not this host has systemd as PID 1.
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), true, tmp.resolve("s.db"), "test")) {
            ControlResult r = s.daemonReload(ctx, new SystemdTarget("web"));
            assertTrue(r.planned());
            assertEquals("systemctl --user -M web@ --no-ask-password daemon-reload", r.command());
            ControlResult start = s.start(ctx, "web.service", new SystemdTarget("web"));
            assertEquals("systemctl --user -M web@ --no-ask-password start web.service", start.command());
            assertTrue(ctx.plan().changes().stream().anyMatch(c -> c.kind() == Change.Kind.EXEC && c.summary().equals(start.command())));
            assertEquals("systemctl --no-ask-password restart web.service", s.restart(ctx, "web.service", null).command());
        }
    }

    @Test
    void withoutSystemdAsPid1ItFailsClearly() {
        Assumptions.assumeFalse("systemd".equals(Systemctl.pid1()), "this host runs systemd as PID 1");
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, Path.of("/tmp/bosun-systemd-test-unused.db"), "test")) {
            BosunException e = assertThrows(BosunException.class, () -> s.stop(ctx, "web.service", null));
            assertTrue(e.getMessage().startsWith("systemd is not PID 1 on this host (PID 1 is '"), e.getMessage());
            assertEquals(0, ctx.plan().size());
        }
    }

    @Test
    void alternateRootWithoutDryRunIsRefused() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            BosunException e = assertThrows(BosunException.class, () -> s.daemonReload(ctx, null));
            assertTrue(e.getMessage().contains("not the live system"), e.getMessage());
        }
    }

    @Test
    void alternateRootIsRefusedUnderDryRunToo() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(true)) {
            BosunException e = assertThrows(BosunException.class, () -> s.start(ctx, "web.service", new SystemdTarget("web")));
            assertEquals("the root is " + root.dir() + ", not the live system; systemd managers only exist "
                    + "for /, which --root does not redirect", e.getMessage());
            assertEquals(0, ctx.plan().size());
        }
    }

    @Test
    void badNamesAreRefusedBeforeAnything() {
        assertThrows(InvalidValueException.class, () -> new SystemdTarget("Web/1"));
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(true)) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> s.start(ctx, "--now x.service", null));
            assertTrue(e.getMessage().startsWith("unit \"--now x.service\" must be a unit name"), e.getMessage());
            assertEquals(0, ctx.plan().size());
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
    }
}
