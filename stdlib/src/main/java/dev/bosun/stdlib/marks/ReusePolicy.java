package dev.bosun.stdlib.marks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which free value to hand out. A released mark, table or port may still be named by a rule in some
 * namespace that was not re-applied yet; handing it to a new connection would let that stale rule
 * capture the new connection's traffic. So: values never used come first (lowest first); a released
 * value comes back only after {@link #QUARANTINE}, and then the one released longest ago first.
 */
final class ReusePolicy {
    /** Long enough for a reconcile loop or an operator to re-apply after a release. */
    static final Duration QUARANTINE = Duration.ofMinutes(10);

    private ReusePolicy() {
    }

    /**
     * @param first    lowest value of the pool
     * @param last     highest value of the pool
     * @param used     values held by connections
     * @param released when each released value was released
     */
    static OptionalInt pick(int first, int last, Set<Integer> used, Map<Integer, Instant> released, Instant now) {
        for (int v = first; v <= last; v++) {
            if (!used.contains(v) && !released.containsKey(v)) {
                return OptionalInt.of(v);
            }
        }
        Integer best = null;
        for (Map.Entry<Integer, Instant> e : released.entrySet()) {
            int v = e.getKey();
            if (v < first || v > last || used.contains(v) || quarantined(e.getValue(), now)) {
                continue;
            }
            if (best == null || e.getValue().isBefore(released.get(best))
                    || (e.getValue().equals(released.get(best)) && v < best)) {
                best = v;
            }
        }
        return best == null ? OptionalInt.empty() : OptionalInt.of(best);
    }

    static boolean quarantined(Instant releasedAt, Instant now) {
        return releasedAt.plus(QUARANTINE).isAfter(now);
    }
}
