package dev.bosun.stdlib.kvm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KvmReportTest {
    @Test
    void linesAreAlignedLikeVirtHostValidateWithHintsBelow() {
        KvmCheckResult r = new KvmCheckResult(false, List.of(
                KvmCheck.pass("exists", "if device /dev/kvm exists (char 10:232)", "crw-rw---- root:kvm 10:232"),
                new KvmCheck("accessible", "if /dev/kvm is accessible (read+write) for bob", CheckStatus.FAIL,
                        "bob cannot open it", "add bob to group kvm"),
                KvmCheck.skip("apiVersion", "for KVM API version 12", "skipped"),
                KvmCheck.pass("createVm", "if a VM can be created (KVM_CREATE_VM)", null)), null, Map.of());
        String expected = ""
                + "   KVM: Checking if device /dev/kvm exists (char 10:232)                     : PASS (crw-rw---- root:kvm 10:232)\n"
                + "   KVM: Checking if /dev/kvm is accessible (read+write) for bob              : FAIL (bob cannot open it)\n"
                + "        hint: add bob to group kvm\n"
                + "   KVM: Checking for KVM API version 12                                      : SKIP (skipped)\n"
                + "   KVM: Checking if a VM can be created (KVM_CREATE_VM)                      : PASS\n"
                + "   KVM: NOT usable: accessible, apiVersion did not pass\n";
        assertEquals(expected, KvmReport.render(r));
    }

    @Test
    void anOkResultEndsWithTheApiVersion() {
        KvmCheckResult r = new KvmCheckResult(true, List.of(KvmCheck.pass("exists", "x", "y")), 12, Map.of("USER_MEMORY", 1));
        assertEquals("   KVM: usable (API version 12, KVM_CREATE_VM works)", KvmReport.verdict(r));
    }
}
