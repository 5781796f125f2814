package dev.bosun.stdlib.rootless;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.subids.SubIdFile;
import dev.bosun.stdlib.subids.SubIdKind;
import dev.bosun.stdlib.subids.SubIdRange;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The user's ranges in /etc/subuid and /etc/subgid, read by the subids module's parser (shadow-utils' rules: by name
 * or numeric uid, lines shadow rejects do not count). Without a range Podman maps only the user's own uid; images
 * whose files belong to other uids then fail to unpack ("potentially insufficient UIDs or GIDs").
 */
final class SubIdFinding {
    /** Podman's and shadow-utils' default count: every uid an image may use (0-65535). */
    static final long RECOMMENDED = 65536;

    private SubIdFinding() {
    }

    static RootlessFinding of(Survey s, SubIdKind kind) {
        String id = "sub" + kind;
        String title = "for the user's sub-" + kind.toString().toUpperCase(java.util.Locale.ROOT) + " ranges in " + kind.path();
        if (s.subject == null) {
            return RootlessFinding.skip(id, title, "no user named: pass {user}");
        }
        Subject u = s.subject;
        List<SubIdRange> ranges;
        try {
            ranges = SubIdFile.read(s.fs, kind).rangesOf(u.name(), u.uid());
        } catch (BosunException e) {
            return RootlessFinding.fail(id, title, kind.path() + " cannot be read: " + e.getMessage(),
                    "make " + kind.path() + " a readable file (mode 0644, owner root)");
        }
        String allocate = "subids.allocate(\"" + u.name() + "\") (a free range of " + RECOMMENDED + ", shadow-utils' first fit), "
                + "or usermod --add-sub" + kind + "s START-END " + u.name();
        if (ranges.isEmpty()) {
            return RootlessFinding.fail(id, title, "no range for " + u.name() + " (uid " + u.uid() + ") in " + kind.path()
                    + ": Podman maps only the user's own " + kind + " and images with files of other owners fail to unpack",
                    allocate);
        }
        long total = ranges.stream().mapToLong(SubIdRange::count).sum();
        String seen = ranges.stream().map(r -> Long.toUnsignedString(r.start()) + "-" + Long.toUnsignedString(r.last())
                + " (line " + r.line() + ")").collect(Collectors.joining(", ")) + ": " + total + " IDs";
        if (Long.compareUnsigned(total, RECOMMENDED) < 0) {
            return RootlessFinding.warn(id, title, seen + ", fewer than " + RECOMMENDED + ": images with files owned by "
                    + kind + "s at or above " + total + " fail to unpack", allocate + "; at least " + RECOMMENDED + " IDs");
        }
        return RootlessFinding.ok(id, title, seen);
    }
}
