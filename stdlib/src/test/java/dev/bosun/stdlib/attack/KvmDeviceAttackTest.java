package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.api.DeviceProbe;
import dev.bosun.api.Devices;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile root puts something else where {@code /dev/kvm} should be, hoping Bosun opens it read+write
 * as root and sends it KVM ioctl numbers (which mean something else to another driver). The device
 * probes resolve inside the root, look at the node without opening it, and refuse anything that is not
 * the KVM character device; a probe is only ever made on the device it was declared for.
 */
@Tag("attack")
class KvmDeviceAttackTest {
    private static final int ELOOP = 40;
    private static final int ENOENT = 2;
    private ScratchRoot root;

    @BeforeEach
    void setUp() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mknod needs root");
        root = ScratchRoot.empty();
        Files.createDirectories(root.path("/dev"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (root != null) {
            root.close();
        }
    }

    @Test
    void aSymlinkInPlaceOfTheDeviceIsNotOpened() throws IOException {
        Files.createSymbolicLink(root.path("/dev/kvm"), Path.of("/dev/null"));
        BosunException e = refused("/dev/kvm");
        assertEquals("not probing /dev/kvm under " + root.dir() + ": it is a symbolic link, not character device 10:232",
                e.getMessage());
    }

    @Test
    void anotherDeviceNodeIsNotOpened() throws Exception {
        mknod(root.path("/dev/kvm"), 1, 3); // the null device's numbers under KVM's name
        BosunException e = refused("/dev/kvm");
        assertEquals("not probing /dev/kvm under " + root.dir() + ": it is character device 1:3, not character device 10:232",
                e.getMessage());
    }

    @Test
    void aLinkedDirectoryCannotLeadOutOfTheRoot() throws IOException {
        // host/dev/kvm exists on this machine; inside the root, /devlink/kvm must resolve to <root>/dev/kvm (absent).
        Files.createSymbolicLink(root.path("/devlink"), Path.of("/dev"));
        try (LocalHostContext ctx = root.context(false)) {
            Devices.Opened o = ctx.devices().open("/devlink/kvm", 10, 232);
            assertNull(o.device());
            assertEquals(ENOENT, o.errno());
        }
        // A parent that points at itself through an absolute link loops inside the root instead of escaping.
        Files.delete(root.path("/dev"));
        Files.createSymbolicLink(root.path("/dev"), Path.of("/dev"));
        try (LocalHostContext ctx = root.context(false)) {
            Devices.Opened o = ctx.devices().open("/dev/kvm", 10, 232);
            assertNull(o.device());
            assertEquals(ELOOP, o.errno());
        }
    }

    @Test
    void aProbeIsOnlyMadeOnTheDeviceItIsDeclaredFor() throws Exception {
        mknod(root.path("/dev/null"), 1, 3);
        try (LocalHostContext ctx = root.context(false)) {
            Devices.Opened o = ctx.devices().open("/dev/null", 1, 3);
            try (Devices.Device d = o.device()) {
                BosunException e = assertThrows(BosunException.class, () -> d.probe(DeviceProbe.KVM_CREATE_VM, 0));
                assertEquals("KVM_CREATE_VM is for character device 10:232, not for /dev/null (1:3)", e.getMessage());
            }
        }
    }

    @Test
    void aBadPathIsRefusedBeforeAnythingIsOpened() {
        try (LocalHostContext ctx = root.context(false)) {
            BosunException e = assertThrows(BosunException.class, () -> ctx.devices().open("dev/../../kvm", 10, 232));
            assertTrue(e.getMessage().startsWith("path \"dev/../../kvm\" must be"), e.getMessage());
        }
    }

    private BosunException refused(String hostPath) {
        try (LocalHostContext ctx = root.context(false)) {
            BosunException e = assertThrows(BosunException.class, () -> ctx.devices().open(hostPath, 10, 232));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return e;
        }
    }

    private static void mknod(Path p, int major, int minor) throws Exception {
        Process pr = new ProcessBuilder("mknod", "-m", "0666", p.toString(), "c", String.valueOf(major),
                String.valueOf(minor)).redirectErrorStream(true).start();
        assertTrue(pr.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, pr.exitValue(), new String(pr.getInputStream().readAllBytes()));
    }
}
