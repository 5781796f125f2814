package dev.bosun.stdlib.subids;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.users.AccountName;
import dev.bosun.stdlib.users.Accounts;
import dev.bosun.stdlib.users.User;

import java.util.ArrayList;
import java.util.List;

/** Subordinate uid/gid ranges, read and written natively under shadow-utils' own locks. */
@Module(name = "subids", doc = "Subordinate UID/GID ranges (etc/subuid, etc/subgid) for rootless containers: "
        + "list, allocate exactly as useradd would (or deterministically), release, check for overlaps and "
        + "orphans, and build Quadlet UIDMap/GIDMap lines. Writes take shadow-utils' lock, keep a '-' backup "
        + "and replace the file atomically, so useradd, usermod and newuidmap can run at the same time.")
public final class SubIdsModule implements HostModule {

    @Op(doc = "Every range in etc/subuid and etc/subgid (or one of them with {kind:'uid'|'gid'}), in file order. "
            + "Lines shadow-utils cannot parse are not listed; subids.check reports them.")
    public List<SubIdRange> list(HostContext ctx, @Optional @Doc("filter") ListFilter filter) {
        List<SubIdRange> out = new ArrayList<>();
        for (SubIdKind k : SubIdKind.values()) {
            if (filter == null || filter.kind() == null || filter.kind() == k) {
                out.addAll(SubIdFile.read(ctx.fs(), k).ranges());
            }
        }
        return out;
    }

    @Op(doc = "A user's ranges in both files (owned by the name, or by the numeric uid as newuidmap accepts).")
    public UserSubIds of(HostContext ctx, @Doc("login name") String user) {
        User u = existingUser(ctx, user);
        return new UserSubIds(u.name(), SubIdFile.read(ctx.fs(), SubIdKind.UID).rangesOf(u.name(), u.uid()),
                SubIdFile.read(ctx.fs(), SubIdKind.GID).rangesOf(u.name(), u.uid()));
    }

    @Op(mutates = true, doc = "Gives the user a sub-UID and a sub-GID range. first-fit (default) picks exactly "
            + "what useradd would pick for a new user (shadow-utils' search over all lines, SUB_*_MIN/MAX/COUNT "
            + "from the root's login.defs); deterministic puts it at SUB_UID_MIN + (uid-UID_MIN)*COUNT and fails "
            + "on overflow or overlap. A user who already has a range of at least count keeps it (changed:false). "
            + "New lines are appended; the rest of the file stays byte-identical (useradd would re-sort it). etc/subuid "
            + "is written before etc/subgid, as shadow-utils does: a crash between the two leaves only the sub-UIDs, "
            + "which subids.check reports and the next allocate completes (two files cannot be replaced in one step, "
            + "and newuidmap reads each on its own, so no scheme could hide the half-written pair from it).")
    public Allocation allocate(HostContext ctx, @Doc("login name") String user,
                               @Optional @Doc("count and strategy") AllocateOptions options) {
        AllocateOptions opts = options != null ? options : new AllocateOptions(null, null);
        Accounts accounts = Accounts.read(ctx.fs());
        User u = existingUser(accounts, user);
        return new SubIdAllocator(ctx, accounts.loginDefs()).allocate(u, opts);
    }

    @Op(mutates = true, doc = "Removes every range of the user (by name, or by its numeric uid) from both files. "
            + "Works for names that are no longer users, to clean up orphans. changed:false when there was none.")
    public Released release(HostContext ctx, @Doc("owner name") String user) {
        AccountName.check("user", user);
        User u = Accounts.read(ctx.fs()).user(user);
        return new SubIdAllocator(ctx, null).release(u, user);
    }

    @Op(doc = "Problems in both files, each with file, line and a one-line explanation: overlaps between different "
            + "owners, owners that are not users, ranges outside SUB_*_MIN..MAX, malformed lines, lines shadow-utils "
            + "reads differently from a person (a DOS line end, a byte-order mark, blanks around fields: their ranges "
            + "are never handed out), users listed twice, and users whose sub-UIDs and sub-GIDs disagree. Empty when "
            + "all is well.")
    public List<Finding> check(HostContext ctx) {
        return new SubIdChecker(Accounts.read(ctx.fs()))
                .check(SubIdFile.read(ctx.fs(), SubIdKind.UID), SubIdFile.read(ctx.fs(), SubIdKind.GID));
    }

    @Op(name = "idMap", doc = "UIDMap=/GIDMap= lines for a Quadlet .container of the user: all 65536 container IDs, "
            + "container 0 as the user, each listed container ID on its own line so a helper user "
            + "(subids.helperUid) can own it on the host. Needs at least 65536 sub-UIDs and sub-GIDs.")
    public IdMap idMap(HostContext ctx, @Doc("user and container IDs") IdMapRequest request) {
        User u = existingUser(ctx, request.user());
        requireFullRange(ctx, u, SubIdKind.UID);
        requireFullRange(ctx, u, SubIdKind.GID);
        return IdMap.of(u.name(), request.uids(), request.gids());
    }

    @Op(name = "helperUid", doc = "The host uid that container uid N of the user maps to under subids.idMap (the "
            + "user's own uid for 0, else the user's N-th sub-UID), and the helper user name USER-N for it. Fails "
            + "when that name is already a user with another uid (e.g. another compartment's user): names must "
            + "not collide, and Bosun never deletes to make room.")
    public HelperUid helperUid(HostContext ctx, @Doc("login name") String user,
                               @Doc("container uid, 0..65535") long containerUid) {
        Check.range("containerUid", containerUid, 0, IdMapRequest.SIZE - 1);
        Accounts accounts = Accounts.read(ctx.fs());
        User u = existingUser(accounts, user);
        if (containerUid == 0) {
            return new HelperUid(u.name(), 0, u.uid(), null, u.name());
        }
        List<SubIdRange> ranges = requireFullRange(ctx, u, SubIdKind.UID);
        long host = nth(ranges, containerUid);
        String helper = u.name() + "-" + containerUid;
        if (helper.length() > 32) {
            throw new InvalidValueException("user", Check.quote(user) + " is too long for helper names: "
                    + Check.quote(helper) + " exceeds 32 characters");
        }
        User named = accounts.user(helper);
        if (named != null && named.uid() != host) {
            throw new BosunException("helper name " + Check.quote(helper) + " is already user uid " + named.uid()
                    + ", not host uid " + host + " (another compartment's user?); names collide: pick disjoint "
                    + "user names, Bosun will not delete or reuse that user");
        }
        User holder = accounts.userByUid(host);
        return new HelperUid(u.name(), containerUid, host, helper, holder == null ? null : holder.name());
    }

    /** Sub-ID number {@code n} (0-based) across the user's ranges in file order, as newuidmap lays them out. */
    private static long nth(List<SubIdRange> ranges, long n) {
        long left = n;
        for (SubIdRange r : ranges) {
            if (Long.compareUnsigned(left, r.count()) < 0) {
                return r.start() + left;
            }
            left -= r.count();
        }
        throw new IllegalStateException("ranges checked to hold " + IdMapRequest.SIZE + " IDs");
    }

    private static List<SubIdRange> requireFullRange(HostContext ctx, User u, SubIdKind kind) {
        List<SubIdRange> ranges = SubIdFile.read(ctx.fs(), kind).rangesOf(u.name(), u.uid());
        long total = 0;
        for (SubIdRange r : ranges) {
            total = Long.compareUnsigned(r.count(), IdMapRequest.SIZE) >= 0 ? IdMapRequest.SIZE : total + r.count();
            if (total >= IdMapRequest.SIZE) {
                return ranges;
            }
        }
        throw new BosunException(u.name() + " has " + total + " sub-" + kind.toString().toUpperCase()
                + "s in " + kind.path() + ", fewer than the " + IdMapRequest.SIZE + " an ID map covers; run subids.allocate(\""
                + u.name() + "\") first");
    }

    private static User existingUser(HostContext ctx, String name) {
        return existingUser(Accounts.read(ctx.fs()), name);
    }

    private static User existingUser(Accounts accounts, String name) {
        AccountName.check("user", name);
        User u = accounts.user(name);
        if (u == null) {
            throw new InvalidValueException("user", Check.quote(name) + " is not a user in /etc/passwd; create it first with users.ensure");
        }
        return u;
    }
}
