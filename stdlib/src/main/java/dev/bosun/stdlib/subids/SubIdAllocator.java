package dev.bosun.stdlib.subids;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.stdlib.users.AccountTemporaries;
import dev.bosun.stdlib.users.LoginDefs;
import dev.bosun.stdlib.users.User;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Chooses and writes ranges under shadow-utils' locks. Both files are locked in shadow's order (subuid,
 * then subgid, as useradd does, so no deadlock with it), read, decided and written before either lock is
 * released: no other useradd/usermod/Bosun can slip a range in between the choice and the write.
 */
final class SubIdAllocator {
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> SUBID_FILES = List.of("subuid", "subgid");

    private final HostContext ctx;
    private final LoginDefs defs;

    SubIdAllocator(HostContext ctx, LoginDefs defs) {
        this.ctx = ctx;
        this.defs = defs;
    }

    Allocation allocate(User user, AllocateOptions options) {
        // Every check that needs no file content runs before any lock or write.
        SubIdLimits uidLimits = SubIdLimits.of(defs, SubIdKind.UID, options.count()).validated();
        SubIdLimits gidLimits = SubIdLimits.of(defs, SubIdKind.GID, options.count()).validated();
        if (options.strategy() == Strategy.DETERMINISTIC) {
            deterministicStart(user, uidLimits);
            deterministicStart(user, gidLimits);
        }
        Fs fs = ctx.fs();
        List<String> notes = new ArrayList<>();
        AccountTemporaries.sweep(ctx, SUBID_FILES);
        try (Fs.FileLock u = fs.lock(SubIdKind.UID.path(), LOCK_TIMEOUT);
             Fs.FileLock g = fs.lock(SubIdKind.GID.path(), LOCK_TIMEOUT)) {
            SubIdFile uidFile = SubIdFile.read(fs, SubIdKind.UID);
            SubIdFile gidFile = SubIdFile.read(fs, SubIdKind.GID);
            Decision du = decide(uidFile, user, uidLimits, options.strategy(), notes);
            Decision dg = decide(gidFile, user, gidLimits, options.strategy(), notes);
            du.write(fs);
            dg.write(fs);
            return new Allocation(user.name(), options.strategy(), du.changed() || dg.changed(), du.range(), dg.range(),
                    List.copyOf(notes));
        }
    }

    /** The outcome for one file: the range the user ends up with and, when new, the file to write. */
    private record Decision(SubIdRange range, SubIdFile updated) {
        boolean changed() {
            return updated != null;
        }

        void write(Fs fs) {
            if (updated != null) {
                fs.write(updated.kind().path(), updated.render(), Fs.shadowStyle());
            }
        }
    }

    private Decision decide(SubIdFile file, User user, SubIdLimits limits, Strategy strategy, List<String> notes) {
        String path = file.kind().path();
        for (SubIdRange r : file.rangesOf(user.name(), user.uid())) {
            if (Long.compareUnsigned(r.count(), limits.count()) >= 0) {
                notes.add(path + ": kept " + r.owner() + ":" + Long.toUnsignedString(r.start()) + ":"
                        + Long.toUnsignedString(r.count()) + " (line " + r.line() + ")");
                return new Decision(r, null);
            }
        }
        long start = strategy == Strategy.DETERMINISTIC ? deterministicChecked(file, user, limits)
                : firstFit(file, limits);
        SubIdFile updated = file.append(user.name(), start, limits.count());
        SubIdRange added = updated.ranges().getLast();
        notes.add(path + ": added " + user.name() + ":" + Long.toUnsignedString(start) + ":"
                + Long.toUnsignedString(limits.count()) + " (" + strategy + ")");
        return new Decision(added, updated);
    }

    private static long firstFit(SubIdFile file, SubIdLimits limits) {
        OptionalLong start = FirstFit.find(file.occupied(), limits.min(), limits.ceiling(), limits.count());
        if (start.isEmpty()) {
            String p = limits.kind().defsPrefix();
            throw new BosunException("no free range of " + Long.toUnsignedString(limits.count()) + " IDs between "
                    + p + "_MIN " + Long.toUnsignedString(limits.min()) + " and " + p + "_MAX "
                    + Long.toUnsignedString(limits.ceiling()) + " in " + limits.kind().path()
                    + "; release unused ranges (subids.check lists orphans) or raise " + p + "_MAX");
        }
        return start.getAsLong();
    }

    /** The deterministic start, or a clear error when the uid is outside UID_MIN..UID_MAX or the range overflows. */
    private long deterministicStart(User user, SubIdLimits limits) {
        long uidMin = defs.uidMin();
        long uidMax = defs.uidMax();
        if (user.uid() < uidMin || user.uid() > uidMax) {
            throw new BosunException("deterministic placement needs a uid within UID_MIN..UID_MAX (" + uidMin + ".."
                    + uidMax + "); " + user.name() + " has uid " + user.uid() + "; use strategy first-fit");
        }
        long start;
        try {
            start = Math.addExact(limits.min(), Math.multiplyExact(user.uid() - uidMin, limits.count()));
        } catch (ArithmeticException e) {
            start = -1;
        }
        if (start < 0 || Long.compareUnsigned(start + limits.count() - 1, limits.ceiling()) > 0) {
            String p = limits.kind().defsPrefix();
            throw new BosunException("deterministic " + limits.kind() + " range of " + user.name() + " (uid " + user.uid()
                    + ") would end beyond " + p + "_MAX " + Long.toUnsignedString(limits.ceiling()) + "; raise " + p
                    + "_MAX, lower the count or use strategy first-fit");
        }
        return start;
    }

    /** The deterministic start, refused when another owner already holds any of those IDs. */
    private long deterministicChecked(SubIdFile file, User user, SubIdLimits limits) {
        long start = deterministicStart(user, limits);
        SubIdRange wanted = new SubIdRange(file.kind(), user.name(), start, limits.count(), 0);
        String numeric = Long.toString(user.uid());
        for (SubIdRange r : file.occupied()) {
            if (!r.owner().equals(user.name()) && !r.owner().equals(numeric) && r.overlaps(wanted)) {
                throw new BosunException("deterministic range " + wanted.span() + " of " + user.name() + " overlaps "
                        + Check.quote(r.owner()) + "'s range " + r.span() + " (" + file.kind().path() + " line "
                        + r.line() + "); release that range or use strategy first-fit");
            }
        }
        return start;
    }

    Released release(User user, String name) {
        Fs fs = ctx.fs();
        List<SubIdRange> removed = new ArrayList<>();
        String numeric = user == null ? null : Long.toString(user.uid());
        AccountTemporaries.sweep(ctx, SUBID_FILES);
        try (Fs.FileLock u = fs.lock(SubIdKind.UID.path(), LOCK_TIMEOUT);
             Fs.FileLock g = fs.lock(SubIdKind.GID.path(), LOCK_TIMEOUT)) {
            for (SubIdKind kind : SubIdKind.values()) {
                SubIdFile file = SubIdFile.read(fs, kind);
                List<SubIdRange> mine = file.occupied().stream()
                        .filter(r -> r.owner().equals(name) || r.owner().equals(numeric)).toList();
                if (!mine.isEmpty()) {
                    removed.addAll(mine);
                    fs.write(kind.path(), file.without(mine::contains).render(), Fs.shadowStyle());
                }
            }
        }
        return new Released(name, !removed.isEmpty(), removed);
    }
}
