package dev.bosun.stdlib.subids;

import dev.bosun.api.Check;
import dev.bosun.stdlib.users.Accounts;
import dev.bosun.stdlib.users.LoginDefs;
import dev.bosun.stdlib.users.User;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds what is wrong in a pair of sub-ID files, each finding pointing at a line. */
final class SubIdChecker {
    private final Accounts accounts;
    private final LoginDefs defs;

    SubIdChecker(Accounts accounts) {
        this.accounts = accounts;
        this.defs = accounts.loginDefs();
    }

    List<Finding> check(SubIdFile uids, SubIdFile gids) {
        List<Finding> out = new ArrayList<>();
        for (SubIdFile f : List.of(uids, gids)) {
            malformed(f, out);
            blemishes(f, out);
            orphansAndBounds(f, out);
            overlaps(f, out);
            duplicates(f, out);
        }
        mismatches(uids, gids, out);
        out.sort(Comparator.comparing(Finding::file).reversed().thenComparingInt(Finding::line));
        return out;
    }

    private static void malformed(SubIdFile f, List<Finding> out) {
        int n = 0;
        for (SubIdFile.Line l : f.lines()) {
            n++;
            String t = l.text().strip();
            if (l.occupied() == null && !t.isEmpty() && !t.startsWith("#")) {
                out.add(new Finding(f.kind().path(), n, "malformed", Check.quote(abbreviate(l.text()))
                        + " is not owner:start:count; shadow-utils ignores the line"));
            }
        }
    }

    /** Lines whose meaning differs between shadow-utils and a person reading the file (see SubIdFile.line). */
    private static void blemishes(SubIdFile f, List<Finding> out) {
        for (SubIdFile.Line l : f.lines()) {
            if (l.blemish() == null) {
                continue;
            }
            SubIdRange seen = l.occupied();
            String consequence = l.range() == null
                    ? "shadow-utils skips the line, so newuidmap does not grant " + seen.span() + " to "
                    + Check.quote(seen.owner()) + "; Bosun still keeps that range out of every allocation"
                    : "shadow-utils reads the owner as " + Check.quote(seen.owner()) + ", who is nobody; the range "
                    + seen.span() + " still blocks allocation";
            out.add(new Finding(f.kind().path(), seen.line(), "blemish", "the line " + l.blemish() + "; "
                    + consequence + "; rewrite it as owner:start:count"));
        }
    }

    /** A user listed on more than one line: legal for shadow-utils, but ID maps and Bosun use only the first. */
    private void duplicates(SubIdFile f, List<Finding> out) {
        Map<String, SubIdRange> first = new LinkedHashMap<>();
        for (SubIdRange r : f.occupied()) {
            User u = owner(r);
            String key = u != null ? u.name() : r.owner();
            SubIdRange earlier = first.putIfAbsent(key, r);
            if (earlier != null) {
                out.add(new Finding(f.kind().path(), r.line(), "duplicate", Check.quote(key) + " is listed again (first "
                        + "on line " + earlier.line() + "); newuidmap grants every listed range, but ID maps use only "
                        + earlier.span()));
            }
        }
    }

    private void orphansAndBounds(SubIdFile f, List<Finding> out) {
        SubIdLimits limits = SubIdLimits.of(defs, f.kind(), null);
        for (SubIdFile.Line l : f.lines()) {
            SubIdRange r = l.occupied();
            if (r == null) {
                continue;
            }
            if (owner(r) == null && l.blemish() == null) {
                out.add(new Finding(f.kind().path(), r.line(), "orphan", "owner " + Check.quote(r.owner())
                        + " is not a user in /etc/passwd; range " + r.span() + " still blocks allocation"));
            }
            if (r.count() != 0 && (Long.compareUnsigned(r.start(), limits.min()) < 0
                    || Long.compareUnsigned(r.last(), limits.max()) > 0 || Long.compareUnsigned(r.last(), r.start()) < 0)) {
                String p = f.kind().defsPrefix();
                out.add(new Finding(f.kind().path(), r.line(), "out-of-range", "range " + r.span() + " of "
                        + Check.quote(r.owner()) + " lies outside " + p + "_MIN.." + p + "_MAX ("
                        + Long.toUnsignedString(limits.min()) + ".." + Long.toUnsignedString(limits.max()) + ")"));
            }
        }
    }

    /** Sweep by start: each range is compared with the earlier ranges still open at its start. */
    private void overlaps(SubIdFile f, List<Finding> out) {
        List<SubIdRange> sorted = new ArrayList<>(f.occupied().stream().filter(r -> r.count() != 0).toList());
        sorted.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        List<SubIdRange> open = new ArrayList<>();
        for (SubIdRange r : sorted) {
            open.removeIf(o -> Long.compareUnsigned(o.last(), r.start()) < 0);
            for (SubIdRange o : open) {
                if (!sameOwner(o, r) && o.overlaps(r)) {
                    SubIdRange later = o.line() > r.line() ? o : r;
                    SubIdRange earlier = later == o ? r : o;
                    out.add(new Finding(f.kind().path(), later.line(), "overlap", "range " + later.span() + " of "
                            + Check.quote(later.owner()) + " overlaps range " + earlier.span() + " of "
                            + Check.quote(earlier.owner()) + " (line " + earlier.line()
                            + "); both users' containers can reach the same host IDs"));
                }
            }
            open.add(r);
        }
    }

    private void mismatches(SubIdFile uids, SubIdFile gids, List<Finding> out) {
        Map<String, List<SubIdRange>> u = byOwner(uids);
        Map<String, List<SubIdRange>> g = byOwner(gids);
        for (Map.Entry<String, List<SubIdRange>> e : u.entrySet()) {
            List<SubIdRange> other = g.get(e.getKey());
            SubIdRange first = e.getValue().getFirst();
            if (other == null) {
                out.add(new Finding(uids.kind().path(), first.line(), "mismatch", Check.quote(e.getKey())
                        + " has sub-UIDs but no sub-GIDs in /etc/subgid; rootless containers need both (an allocation cut off "
                        + "between the two files leaves this; subids.allocate completes it)"));
            } else if (!spans(e.getValue()).equals(spans(other))) {
                out.add(new Finding(gids.kind().path(), other.getFirst().line(), "mismatch", "sub-GIDs of "
                        + Check.quote(e.getKey()) + " (" + spans(other) + ") differ from its sub-UIDs ("
                        + spans(e.getValue()) + "); ID maps assume both match"));
            }
        }
        for (Map.Entry<String, List<SubIdRange>> e : g.entrySet()) {
            if (!u.containsKey(e.getKey())) {
                out.add(new Finding(gids.kind().path(), e.getValue().getFirst().line(), "mismatch", Check.quote(e.getKey())
                        + " has sub-GIDs but no sub-UIDs in /etc/subuid; rootless containers need both"));
            }
        }
    }

    /** Ranges grouped by the user they belong to: a numeric owner counts as the user with that uid. */
    private Map<String, List<SubIdRange>> byOwner(SubIdFile f) {
        Map<String, List<SubIdRange>> m = new LinkedHashMap<>();
        for (SubIdRange r : f.ranges()) {
            User u = owner(r);
            m.computeIfAbsent(u != null ? u.name() : r.owner(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static String spans(List<SubIdRange> ranges) {
        return String.join(",", ranges.stream().map(SubIdRange::span).sorted().toList());
    }

    private boolean sameOwner(SubIdRange a, SubIdRange b) {
        if (a.owner().equals(b.owner())) {
            return true;
        }
        User ua = owner(a);
        User ub = owner(b);
        return ua != null && ub != null && ua.uid() == ub.uid();
    }

    private User owner(SubIdRange r) {
        User u = accounts.user(r.owner());
        if (u == null && r.owner().chars().allMatch(Character::isDigit) && r.owner().length() <= 10) {
            u = accounts.userByUid(Long.parseLong(r.owner()));
        }
        return u;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
