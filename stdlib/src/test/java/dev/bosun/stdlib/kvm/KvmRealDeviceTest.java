package dev.bosun.stdlib.kvm;

import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preflight against this machine's real /dev/kvm: real open, real ioctls. */
class KvmRealDeviceTest {
    static final List<String> ORDER = List.of("exists", "accessible", "apiVersion", "createVm", "capabilities",
            "cpuFlags", "nested", "modules", "kvmGroup", "vhostNet", "vhostVsock", "tun");

    private static Path stateDir;
    private static LocalHostContext ctx;

    @BeforeAll
    static void open() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/kvm")), "no /dev/kvm on this machine");
        Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/kvm")) && Files.isWritable(Path.of("/dev/kvm")),
                "/dev/kvm is not read+write for the test user");
        stateDir = Files.createTempDirectory("bosun-kvm-state-");
        ctx = LocalHostContext.open(Path.of("/"), false, stateDir.resolve("bosun.db"), "test");
    }

    @AfterAll
    static void close() throws IOException {
        if (ctx != null) {
            ctx.close();
        }
        if (stateDir != null) {
            Files.deleteIfExists(stateDir.resolve("bosun.db"));
            Files.deleteIfExists(stateDir);
        }
    }

    @Test
    void callerGetsAWorkingKvmWithApi12AndAVm() {
        KvmCheckResult r = new KvmModule().check(ctx, new CheckOptions(null));
        assertEquals(ORDER, r.checks().stream().map(KvmCheck::id).toList());
        assertTrue(r.ok(), () -> KvmReport.render(r));
        assertEquals(12, r.apiVersion());
        assertEquals(CheckStatus.PASS, r.check("exists").status());
        assertTrue(r.check("exists").detail().endsWith("10:232"), r.check("exists").detail());
        assertEquals(CheckStatus.PASS, r.check("createVm").status());
        assertTrue(r.capabilities().get("USER_MEMORY") >= 1, r.capabilities().toString());
        assertTrue(r.capabilities().get("MAX_VCPUS") >= r.capabilities().get("NR_VCPUS"), r.capabilities().toString());
        assertTrue(r.capabilities().get("NR_VCPUS") >= 1, r.capabilities().toString());
        if (ctx.caller().isRoot()) {
            assertTrue(r.check("accessible").detail().contains("root bypasses the permission bits"), r.check("accessible").detail());
        }
    }

    @Test
    void missingCpuFlagsAreReportedButDoNotGate() throws IOException {
        String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        CpuInfo cpu = CpuInfo.parse(cpuinfo);
        Assumptions.assumeTrue(cpu.x86() && !cpu.vmx() && !cpu.svm(), "this CPU shows vmx/svm; the PVM-style case needs a guest without them");
        KvmCheckResult r = new KvmModule().check(ctx, new CheckOptions(null));
        assertTrue(r.ok());
        KvmCheck flags = r.check("cpuFlags");
        assertEquals(CheckStatus.WARN, flags.status());
        assertTrue(flags.detail().contains("yet KVM works"), flags.detail());
        assertTrue(flags.detail().contains("kvm-ok and virt-host-validate"), flags.detail());
    }

    @Test
    void nobodyIsRefusedWithTheGroupHintWhileTheIoctlsStillRunAsTheCaller() {
        Assumptions.assumeTrue(ctx.caller().isRoot(), "the computed path for another user is tested as root");
        KvmCheckResult r = new KvmModule().check(ctx, new CheckOptions("nobody"));
        assertFalse(r.ok());
        KvmCheck access = r.check("accessible");
        Assumptions.assumeTrue(access.status() == CheckStatus.FAIL, "nobody may use /dev/kvm on this machine: " + access.detail());
        assertTrue(access.detail().startsWith("nobody (uid 65534"), access.detail());
        assertTrue(access.hint().contains("kvm.ensureAccess(\"nobody\")"), access.hint());
        assertTrue(access.hint().contains("log out and back in"), access.hint());
        assertEquals(12, r.apiVersion());
        assertEquals(List.of("accessible"), r.checks().stream().filter(c -> c.status() == CheckStatus.FAIL)
                .map(KvmCheck::id).filter(ORDER.subList(0, 4)::contains).toList());
    }

    @Test
    void rootIsAllowedByItsBypass() {
        KvmCheckResult r = new KvmModule().check(ctx, new CheckOptions("root"));
        KvmCheck access = r.check("accessible");
        assertEquals(CheckStatus.PASS, access.status());
        assertTrue(access.detail().contains("root bypasses the permission bits (CAP_DAC_OVERRIDE)"), access.detail());
        assertNull(access.hint());
    }

    @Test
    void anUnknownUserIsABadArgument() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new KvmModule().check(ctx, new CheckOptions("no_such_user_x")));
        assertEquals("user \"no_such_user_x\" is not a user in /etc/passwd", e.getMessage());
    }

    @Test
    void aHostileUserNameNeverGetsPastTheRecord() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new CheckOptions("Web/1"));
        assertEquals("user \"Web/1\" must match [A-Za-z_][A-Za-z0-9_.-]{0,31}", e.getMessage());
        assertThrows(InvalidValueException.class, () -> new CheckOptions("-rf"));
        assertThrows(InvalidValueException.class, () -> new CheckOptions(""));
    }
}
