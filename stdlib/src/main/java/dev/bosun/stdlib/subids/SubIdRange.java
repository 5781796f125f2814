package dev.bosun.stdlib.subids;

import dev.bosun.api.Doc;

/** One parsed line of etc/subuid or etc/subgid. Start and count are unsigned, as shadow-utils reads them. */
@Doc("A subordinate ID range: owner:start:count")
public record SubIdRange(
        @Doc("'uid' (etc/subuid) or 'gid' (etc/subgid)") SubIdKind kind,
        @Doc("owner field: a user name, or a numeric uid") String owner,
        @Doc("first ID") long start,
        @Doc("number of IDs") long count,
        @Doc("1-based line number in the file") int line) {

    /** The last ID (inclusive), with shadow-utils' unsigned wrap-around for count 0. */
    public long last() {
        return start + count - 1;
    }

    /** True when both ranges share at least one ID; empty ranges share none. */
    boolean overlaps(SubIdRange o) {
        return count != 0 && o.count != 0 && Long.compareUnsigned(start, o.last()) <= 0
                && Long.compareUnsigned(o.start, last()) <= 0;
    }

    /** {@code start-last} as usermod's --add-subuids takes it. */
    String span() {
        return Long.toUnsignedString(start) + "-" + Long.toUnsignedString(last());
    }
}
