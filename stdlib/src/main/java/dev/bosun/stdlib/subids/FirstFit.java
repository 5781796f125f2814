package dev.bosun.stdlib.subids;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * shadow-utils 4.13's {@code find_free_range}: the lowest start in {@code [min, max]} with {@code count}
 * free IDs, where every parsed line blocks its range whoever owns it (also users that no longer exist).
 * Arithmetic is unsigned 64-bit with C's wrap-around, because that is what decides the result for odd
 * lines such as a count of {@code -1} (verified against useradd: such a line pushes the search just past
 * {@code start-2}). Only the order by start matters for the result; ties are broken like shadow anyway.
 */
final class FirstFit {
    private FirstFit() {
    }

    static OptionalLong find(List<SubIdRange> ranges, long min, long max, long count) {
        if (count == 0 || Long.compareUnsigned(max, min) < 0) {
            return OptionalLong.empty();
        }
        List<SubIdRange> sorted = new ArrayList<>(ranges);
        // shadow's subordinate_range_cmp: start, then count (unsigned), then owner.
        sorted.sort((a, b) -> {
            int c = Long.compareUnsigned(a.start(), b.start());
            if (c == 0) {
                c = Long.compareUnsigned(a.count(), b.count());
            }
            return c != 0 ? c : a.owner().compareTo(b.owner());
        });
        long low = min;
        for (SubIdRange r : sorted) {
            long first = r.start();
            long last = first + r.count() - 1;
            long high = first;
            if (Long.compareUnsigned(high, max + 1) > 0) {
                high = max + 1;
            }
            if (Long.compareUnsigned(high, low) > 0 && Long.compareUnsigned(high - low, count) >= 0) {
                return OptionalLong.of(low);
            }
            if (Long.compareUnsigned(last + 1, low) > 0) {
                low = last + 1;
            }
            if (Long.compareUnsigned(low, max) > 0) {
                return OptionalLong.empty();
            }
        }
        if (Long.compareUnsigned(max - low + 1, count) >= 0) {
            return OptionalLong.of(low);
        }
        return OptionalLong.empty();
    }
}
