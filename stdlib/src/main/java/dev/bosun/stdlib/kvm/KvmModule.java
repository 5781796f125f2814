package dev.bosun.stdlib.kvm;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.FileStat;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.users.AccountName;
import dev.bosun.stdlib.users.Group;
import dev.bosun.stdlib.users.GroupSpec;
import dev.bosun.stdlib.users.GroupsModule;

/** The KVM preflight and its fix. */
@Module(name = "kvm", doc = "Checks that KVM is usable by asking the kernel (open, KVM_GET_API_VERSION, KVM_CREATE_VM), "
        + "not by guessing from CPU flags, and grants users access to /dev/kvm through the kvm group.")
public final class KvmModule implements HostModule {
    static final String GROUP = "kvm";

    @Op(doc = "Runs the KVM preflight and returns {ok, checks, apiVersion, capabilities}. Checks, in order: exists "
            + "(/dev/kvm is char 10:232), accessible (read+write: for the caller by really opening it; with user, computed "
            + "from mode bits, owner, etc/group membership and POSIX ACLs), apiVersion (KVM_GET_API_VERSION == 12), "
            + "createVm (KVM_CREATE_VM), capabilities (KVM_CHECK_EXTENSION), then informational cpuFlags, nested, modules, "
            + "kvmGroup, vhostNet, vhostVsock, tun. ok is true exactly when the first four pass; every warn or fail "
            + "carries a hint with the fix. The ioctls are always made as the caller. Fails when user is not in etc/passwd.")
    public KvmCheckResult check(HostContext ctx, @Optional @Doc("{user}: whose access to check") CheckOptions options) {
        String user = options == null ? null : options.user();
        return new KvmChecks(ctx).run(user);
    }

    @Op(mutates = true, doc = "Adds the user to the kvm group, creating it as a system group (groupadd -r) when missing, "
            + "with shadow-utils on the session's root. Returns {user, group, gid, groupCreated, changed, note}; "
            + "changed is false when the user already is a member. The user must log out and back in for it to apply, "
            + "and /dev/kvm must belong to group kvm with mode 0660 (the note says when it does not).")
    public KvmAccessResult ensureAccess(HostContext ctx, @Doc("the user to grant access to /dev/kvm") String user) {
        // The users module's name rule, checked before anything runs: groups.addMember applies it too, and a
        // name it refuses must not get as far as a groupadd.
        AccountName.check("user", user);
        Accounts accounts = Accounts.read(ctx.fs());
        Accounts.User u = accounts.user(user);
        if (u == null) {
            throw new InvalidValueException("user", Check.quote(user) + " is not a user in " + ctx.root().resolve("etc/passwd"));
        }
        Accounts.Group group = accounts.group(GROUP);
        if (group != null && accounts.gidsOf(u).contains(group.gid())) {
            return new KvmAccessResult(user, GROUP, group.gid(), false, false, deviceNote(ctx, accounts, group.gid()));
        }
        // The users module owns group changes (groupadd -r / usermod -a -G with --prefix); it is called with this
        // context, so --root and dry-run apply to it exactly as to this module.
        GroupsModule groups = new GroupsModule();
        boolean created = group == null;
        if (created) {
            groups.ensure(ctx, new GroupSpec(GROUP, true, null));
        }
        Group g = groups.addMember(ctx, GROUP, user).group();
        if (g == null || !g.members().contains(user)) {
            throw new BosunException("usermod -a -G " + GROUP + " " + user + " ran but " + user
                    + " is not listed in group " + GROUP + " of " + ctx.root().resolve("etc/group"));
        }
        Accounts after = Accounts.read(ctx.fs());
        String note = user + " must log out and back in for group " + GROUP + " to apply"
                + deviceNote(ctx, after, (int) g.gid()).transform(n -> n.isEmpty() ? "" : "; " + n);
        ctx.plan().record(Change.note(user, note));
        return new KvmAccessResult(user, GROUP, (int) g.gid(), created, true, note);
    }

    /** Membership grants nothing while /dev/kvm is not group kvm with rw for the group: say so. */
    private static String deviceNote(HostContext ctx, Accounts accounts, int gid) {
        FileStat st = ctx.fs().stat(KvmChecks.DEVICE);
        if (st == null || (st.gid() == gid && ((st.mode() >> 3) & 6) == 6)) {
            return "";
        }
        return KvmChecks.DEVICE + " is " + DeviceAccess.describe(st, accounts) + ", so the group grants nothing yet: add the udev rule "
                + Remedies.UDEV_RULE + " (without udev: chgrp kvm /dev/kvm && chmod 0660 /dev/kvm, until reboot)";
    }
}
