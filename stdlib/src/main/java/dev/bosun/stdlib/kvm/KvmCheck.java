package dev.bosun.stdlib.kvm;

import dev.bosun.api.Doc;

/** One step of the KVM preflight. */
@Doc("One step of the KVM preflight: what was checked, the verdict, what was seen and what to do about it.")
public record KvmCheck(
        @Doc("stable identifier: exists, accessible, apiVersion, createVm, capabilities, cpuFlags, nested, modules, kvmGroup, vhostNet, vhostVsock, tun") String id,
        @Doc("what is checked, phrased to follow \"Checking \"") String title,
        @Doc("pass, warn, fail or skip") CheckStatus status,
        @Doc("what was found") String detail,
        @Doc("the concrete fix when the status is warn or fail, else null") String hint) {

    static KvmCheck pass(String id, String title, String detail) {
        return new KvmCheck(id, title, CheckStatus.PASS, detail, null);
    }

    static KvmCheck skip(String id, String title, String detail) {
        return new KvmCheck(id, title, CheckStatus.SKIP, detail, null);
    }

    boolean passed() {
        return status == CheckStatus.PASS;
    }
}
