package dev.bosun.stdlib.kvm;

import dev.bosun.api.Command;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /proc/cpuinfo, /sys/module and etc/group read from fixture roots through the root-relative file
 * access: the CPUs and module sets this machine does not have.
 */
class KvmFixtureTest {
    static final String INTEL = cpuinfo("GenuineIntel", "fpu vme de pse tsc msr vmx sse2 ssse3");
    static final String AMD = cpuinfo("AuthenticAMD", "fpu vme de pse tsc msr svm sse2 ssse3");
    static final String INTEL_VM_NO_FLAGS = cpuinfo("GenuineIntel", "fpu vme de pse tsc msr sse2 hypervisor");
    static final String INTEL_METAL_NO_FLAGS = cpuinfo("GenuineIntel", "fpu vme de pse tsc msr sse2");

    private ScratchRoot root;

    /** Two processors, as the kernel prints them, so the parser sees repeated lines. */
    static String cpuinfo(String vendor, String flags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            sb.append("processor\t: ").append(i).append("\nvendor_id\t: ").append(vendor)
                    .append("\nmodel name\t: test cpu\nflags\t\t: ").append(flags).append("\n\n");
        }
        return sb.toString();
    }

    @BeforeEach
    void setUp() throws IOException {
        root = ScratchRoot.empty();
        root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        root.write("/etc/group", "root:x:0:\nalice:x:1000:\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        root.close();
    }

    private KvmCheckResult check(String user) {
        try (LocalHostContext ctx = root.context(false)) {
            return new KvmModule().check(ctx, new CheckOptions(user));
        }
    }

    private void module(String name) throws IOException {
        root.write("/sys/module/" + name + "/refcnt", "0\n");
    }

    @Test
    void intelWithoutItsModuleIsToldToLoadKvmIntelAndOnlyThenAboutTheBios() throws IOException {
        root.write("/proc/cpuinfo", INTEL);
        module("kvm");
        KvmCheckResult r = check(null);
        assertFalse(r.ok());
        assertNull(r.apiVersion());
        assertTrue(r.capabilities().isEmpty());
        KvmCheck exists = r.check("exists");
        assertEquals(CheckStatus.FAIL, exists.status());
        assertEquals("/dev/kvm does not exist", exists.detail());
        assertEquals("load the module: modprobe kvm_intel; if that fails with \"Operation not supported\", VT-x (vmx) "
                + "is disabled in the BIOS/firmware: enable it there and reboot", exists.hint());
        for (String id : List.of("accessible", "apiVersion", "createVm", "capabilities")) {
            assertEquals(CheckStatus.SKIP, r.check(id).status(), id);
        }
        assertEquals(CheckStatus.PASS, r.check("cpuFlags").status());
        assertEquals("vmx (Intel VT-x) present", r.check("cpuFlags").detail());
        assertEquals(CheckStatus.WARN, r.check("modules").status());
        assertEquals("loaded: kvm", r.check("modules").detail());
        assertTrue(r.check("modules").hint().startsWith("load the module: modprobe kvm_intel"));
        assertEquals(CheckStatus.SKIP, r.check("nested").status());
    }

    @Test
    void amdWithItsModuleButNoNodeIsToldToCreateTheNodeNotToVisitTheBios() throws IOException {
        root.write("/proc/cpuinfo", AMD);
        module("kvm");
        root.write("/sys/module/kvm_amd/parameters/nested", "1\n");
        KvmCheckResult r = check(null);
        KvmCheck exists = r.check("exists");
        assertEquals(CheckStatus.FAIL, exists.status());
        assertTrue(exists.hint().contains("mknod -m 0660 /dev/kvm c 10 232"), exists.hint());
        assertFalse(exists.hint().contains("BIOS"), exists.hint());
        assertEquals("svm (AMD-V) present", r.check("cpuFlags").detail());
        assertEquals(CheckStatus.PASS, r.check("nested").status());
        assertTrue(r.check("nested").detail().startsWith("kvm_amd nested=1"));
        assertEquals("loaded: kvm, kvm_amd", r.check("modules").detail());
    }

    @Test
    void amdWithoutModulesIsToldToLoadKvmAmd() throws IOException {
        root.write("/proc/cpuinfo", AMD);
        module("tun");
        KvmCheckResult r = check(null);
        assertTrue(r.check("exists").hint().startsWith("load the module: modprobe kvm_amd;"), r.check("exists").hint());
        assertTrue(r.check("exists").hint().contains("AMD-V (svm) is disabled in the BIOS/firmware"));
        assertEquals("no KVM module loaded", r.check("modules").detail());
    }

    @Test
    void nestedOffIsAWarningWithTheModprobeOption() throws IOException {
        root.write("/proc/cpuinfo", INTEL);
        module("kvm");
        root.write("/sys/module/kvm_intel/parameters/nested", "N\n");
        KvmCheck nested = check(null).check("nested");
        assertEquals(CheckStatus.WARN, nested.status());
        assertTrue(nested.detail().startsWith("kvm_intel nested=N"));
        assertTrue(nested.hint().contains("echo 'options kvm_intel nested=1' > /etc/modprobe.d/kvm-nested.conf"), nested.hint());
    }

    @Test
    void nestedOnIsAPass() throws IOException {
        root.write("/proc/cpuinfo", INTEL);
        root.write("/sys/module/kvm_intel/parameters/nested", "Y\n");
        KvmCheckResult r = check(null);
        assertEquals(CheckStatus.PASS, r.check("nested").status());
        assertEquals(CheckStatus.PASS, r.check("modules").status());
        assertEquals("loaded: kvm_intel", r.check("modules").detail());
    }

    @Test
    void aVmWithoutFlagsIsToldAboutNestedVirtualizationNotTheBios() throws IOException {
        root.write("/proc/cpuinfo", INTEL_VM_NO_FLAGS);
        root.write("/sys/module/.keep", "");
        KvmCheckResult r = check(null);
        String hint = r.check("exists").hint();
        assertTrue(hint.contains("enable nested virtualization for this VM on its host"), hint);
        assertFalse(hint.contains("BIOS"), hint);
        KvmCheck flags = r.check("cpuFlags");
        assertEquals(CheckStatus.FAIL, flags.status());
        assertEquals("no vmx/svm in /proc/cpuinfo; hypervisor flag set: this is a VM", flags.detail());
        assertEquals(hint, flags.hint());
        assertFalse(r.ok());
    }

    @Test
    void bareMetalWithoutFlagsPointsAtTheFirmware() throws IOException {
        root.write("/proc/cpuinfo", INTEL_METAL_NO_FLAGS);
        KvmCheck exists = check(null).check("exists");
        assertEquals("no vmx/svm on a bare-metal CPU: Linux hides the flag when the firmware disables VT-x (vmx), "
                + "so enable it in the BIOS/firmware, reboot, then modprobe kvm_intel", exists.hint());
    }

    @Test
    void aRootWithoutProcOrSysSkipsTheInformationalChecks() {
        KvmCheckResult r = check(null);
        assertEquals(CheckStatus.SKIP, r.check("cpuFlags").status());
        assertEquals(CheckStatus.SKIP, r.check("modules").status());
        assertEquals(CheckStatus.SKIP, r.check("nested").status());
        assertEquals(CheckStatus.FAIL, r.check("tun").status());
        assertEquals("load the module: modprobe tun", r.check("tun").hint());
        assertEquals(CheckStatus.WARN, r.check("vhostNet").status());
        assertEquals(CheckStatus.WARN, r.check("vhostVsock").status());
    }

    @Test
    void aRootWhoseGroupFileLacksKvmGetsTheCreateGroupHint() {
        KvmCheck group = check("alice").check("kvmGroup");
        assertEquals(CheckStatus.WARN, group.status());
        assertTrue(group.detail().startsWith("no group kvm in /etc/group"));
        assertTrue(group.hint().startsWith("kvm.ensureAccess(\"alice\") creates it as a system group (groupadd -r kvm) and adds alice"),
                group.hint());
    }

    @Test
    void aKvmGroupIsReportedWithItsMembers() throws IOException {
        root.write("/etc/group", "root:x:0:\nalice:x:1000:\nkvm:x:994:alice,bob\n");
        KvmCheck group = check("alice").check("kvmGroup");
        assertEquals(CheckStatus.PASS, group.status());
        assertEquals("kvm (gid 994), members: alice, bob; alice is a member", group.detail());
    }

    @Test
    void aRegularFileIsNotTheDevice() throws IOException {
        root.write("/dev/kvm", "");
        KvmCheckResult r = check(null);
        KvmCheck exists = r.check("exists");
        assertEquals(CheckStatus.FAIL, exists.status());
        assertTrue(exists.detail().startsWith("/dev/kvm is a file ("), exists.detail());
        assertTrue(exists.hint().contains("mknod -m 0660 /dev/kvm c 10 232"));
        assertEquals(CheckStatus.SKIP, r.check("accessible").status());
        assertEquals(CheckStatus.SKIP, r.check("apiVersion").status());
    }

    /** Runs a setup command in the fixture root (mknod, chown, setfacl). */
    static void run(ScratchRoot root, String... argv) {
        try (LocalHostContext ctx = root.context(false)) {
            ctx.exec().run(Command.of(argv).insideRoot());
        }
    }
}
