package dev.bosun.stdlib.subids;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.users.LoginDefs;

/**
 * {@code SUB_UID_MIN/MAX/COUNT} (or the {@code SUB_GID_*} keys) of the root's login.defs, with shadow-utils'
 * defaults for absent or unparsable keys, checked the way {@code find_new_sub_uids} checks them.
 */
record SubIdLimits(SubIdKind kind, long min, long max, long count) {
    static final long DEFAULT_MIN = 100000;
    static final long DEFAULT_MAX = 600100000;
    static final long DEFAULT_COUNT = 65536;
    /** Sub-IDs are kernel uids: a range must end below 2^32 - 1, which means "no id". */
    static final long ID_LIMIT = 4294967294L;

    static SubIdLimits of(LoginDefs defs, SubIdKind kind, Long count) {
        String p = kind.defsPrefix();
        return new SubIdLimits(kind, defs.number(p + "_MIN", DEFAULT_MIN), defs.number(p + "_MAX", DEFAULT_MAX),
                count != null ? count : defs.number(p + "_COUNT", DEFAULT_COUNT));
    }

    /** Fails like useradd does (exit 16) on a configuration no range can satisfy. */
    SubIdLimits validated() {
        if (Long.compareUnsigned(min, max) > 0 || Long.compareUnsigned(count, max) >= 0
                || Long.compareUnsigned(min + count - 1, max) > 0 || count == 0) {
            String p = kind.defsPrefix();
            throw new BosunException("Invalid configuration: " + p + "_MIN (" + Long.toUnsignedString(min) + "), "
                    + p + "_MAX (" + Long.toUnsignedString(max) + "), " + p + "_COUNT (" + Long.toUnsignedString(count)
                    + ") in /etc/login.defs (or the count asked for): no range fits; fix login.defs or the count");
        }
        return this;
    }

    /** The highest ID a range may end on: SUB_*_MAX, but never a value the kernel cannot map. */
    long ceiling() {
        return Long.compareUnsigned(max, ID_LIMIT) > 0 ? ID_LIMIT : max;
    }
}
