package dev.bosun.stdlib.subids;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** Options of {@code subids.allocate}. */
@Doc("Options of subids.allocate")
public record AllocateOptions(
        @Optional @Doc("number of IDs per range; default SUB_UID_COUNT / SUB_GID_COUNT of login.defs (65536)") Long count,
        @Optional @Doc("'first-fit' (default: what useradd would pick) or 'deterministic' (SUB_UID_MIN + (uid-UID_MIN)*COUNT)")
        Strategy strategy) {

    public AllocateOptions {
        if (count != null) {
            Check.range("count", count, 1, SubIdLimits.ID_LIMIT);
        }
        strategy = strategy == null ? Strategy.FIRST_FIT : strategy;
    }
}
