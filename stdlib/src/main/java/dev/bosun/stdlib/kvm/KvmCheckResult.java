package dev.bosun.stdlib.kvm;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of {@code kvm.check}. */
@Doc("The KVM preflight: ok when /dev/kvm exists, is accessible, speaks API 12 and can create a VM.")
public record KvmCheckResult(
        @Doc("true exactly when the checks exists, accessible, apiVersion and createVm pass") boolean ok,
        @Doc("the checks in order: the four gating ones, then capabilities and the informational ones") List<KvmCheck> checks,
        @Doc("what KVM_GET_API_VERSION returned, or null when it could not be asked") @Nullable Integer apiVersion,
        @Doc("KVM_CHECK_EXTENSION answers by KVM_CAP_* name (0 = unsupported; counts for NR_VCPUS, MAX_VCPUS, ...); empty when not asked") Map<String, Integer> capabilities) {

    public KvmCheckResult {
        checks = List.copyOf(checks);
        capabilities = capabilities == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(capabilities));
    }

    /** The check with this id, or null. */
    public KvmCheck check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
