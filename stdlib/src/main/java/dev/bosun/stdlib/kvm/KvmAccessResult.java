package dev.bosun.stdlib.kvm;

import dev.bosun.api.Doc;

/** The outcome of {@code kvm.ensureAccess}. */
@Doc("What kvm.ensureAccess did.")
public record KvmAccessResult(
        @Doc("the user") String user,
        @Doc("the group that grants access: kvm") String group,
        @Doc("the group's id") int gid,
        @Doc("true when the group had to be created (as a system group)") boolean groupCreated,
        @Doc("true when anything changed; false when the user already was a member") boolean changed,
        @Doc("what the user still has to do: re-login, and the udev rule when /dev/kvm is not group-accessible") String note) {
}
