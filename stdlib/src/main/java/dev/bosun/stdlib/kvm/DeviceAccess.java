package dev.bosun.stdlib.kvm;

import dev.bosun.api.FileStat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a uid with a set of groups may open a file read+write, decided as the kernel's
 * permission check does (acl(5) "access check algorithm"): owner entry, then named users, then the
 * owning and named groups, then other. Root's capability bypass is stated, not assumed silently.
 * Public for the rootless preflight, which asks the same of {@code /dev/net/tun}.
 */
public final class DeviceAccess {
    private static final int RW = PosixAcl.READ | PosixAcl.WRITE;

    /**
     * @param granted true when read+write is allowed
     * @param how     which rule decided, in words, e.g. "through group kvm (gid 994): rw-"
     * @param byGroup the gid whose entry granted access, or null when it was not a group entry
     */
    public record Decision(boolean granted, String how, Integer byGroup) {
    }

    private DeviceAccess() {
    }

    public static Decision readWrite(FileStat st, int uid, Set<Integer> gids, PosixAcl acl, Accounts names) {
        if (uid == 0) {
            return new Decision(true, "root bypasses the permission bits (CAP_DAC_OVERRIDE)", null);
        }
        PosixAcl effective = acl != null && acl.extended() ? acl : null;
        if (uid == st.uid()) {
            int bits = effective != null ? effective.find("user", null).perms() : (st.mode() >> 6) & 7;
            return decide(bits, "as the owner", null);
        }
        if (effective != null) {
            int mask = effective.find("mask", null) != null ? effective.find("mask", null).perms() : 7;
            PosixAcl.Entry named = effective.find("user", uid);
            if (named != null) {
                return decide(named.perms() & mask, "through ACL entry user:" + names.userName(uid)
                        + (named.perms() != (named.perms() & mask) ? " (limited by mask " + text(mask) + ")" : ""), null);
            }
            List<PosixAcl.Entry> matching = new ArrayList<>();
            PosixAcl.Entry owning = effective.find("group", null);
            if (gids.contains(st.gid()) && owning != null) {
                matching.add(new PosixAcl.Entry("group", st.gid(), owning.perms()));
            }
            for (PosixAcl.Entry e : effective.named("group")) {
                if (gids.contains(e.qualifier())) {
                    matching.add(e);
                }
            }
            if (!matching.isEmpty()) {
                for (PosixAcl.Entry e : matching) {
                    if ((e.perms() & mask & RW) == RW) {
                        return decide(e.perms() & mask, "through ACL group entry " + names.groupName(e.qualifier()), e.qualifier());
                    }
                }
                PosixAcl.Entry first = matching.getFirst();
                return decide(first.perms() & mask, "through ACL group entry " + names.groupName(first.qualifier())
                        + " (mask " + text(mask) + ")", first.qualifier());
            }
            return decide(effective.find("other", null).perms(), "as other (ACL)", null);
        }
        if (gids.contains(st.gid())) {
            return decide((st.mode() >> 3) & 7, "through group " + names.groupName(st.gid()) + " (gid " + st.gid() + ")",
                    st.gid());
        }
        return decide(st.mode() & 7, "as other", null);
    }

    private static Decision decide(int bits, String how, Integer gid) {
        return new Decision((bits & RW) == RW, how + ": " + text(bits), gid);
    }

    static String text(int bits) {
        return ((bits & 4) != 0 ? "r" : "-") + ((bits & 2) != 0 ? "w" : "-") + ((bits & 1) != 0 ? "x" : "-");
    }

    /** {@code ls -l} style, e.g. {@code crw-rw---- root:kvm}. */
    public static String describe(FileStat st, Accounts names) {
        char type = switch (st.type()) {
            case CHAR_DEVICE -> 'c';
            case BLOCK_DEVICE -> 'b';
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case FIFO -> 'p';
            case SOCKET -> 's';
            default -> '-';
        };
        return type + text(st.mode() >> 6) + text(st.mode() >> 3) + text(st.mode()) + " "
                + names.userName(st.uid()) + ":" + names.groupName(st.gid());
    }
}
