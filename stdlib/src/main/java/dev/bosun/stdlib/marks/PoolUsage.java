package dev.bosun.stdlib.marks;

import dev.bosun.api.BosunException;
import dev.bosun.api.InvalidValueException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The mark/table and redirect port pools as one write transaction sees them: read once, then kept up to date
 * in memory as the transaction hands values out, so a call allocating hundreds of connections reads the pools
 * once rather than once per connection. Only valid inside the {@code BEGIN IMMEDIATE} transaction it was read
 * in (which keeps every other Bosun process out until the commit).
 */
final class PoolUsage {
    static final String SLOT_POOL = "slot";
    static final String PORT_POOL = "port";

    /** Value → name of the connection holding it, per pool; interface name → holder. */
    private final Map<Integer, String> slots = new HashMap<>();
    private final Map<Integer, String> ports = new HashMap<>();
    private final Map<String, String> ifaces = new HashMap<>();
    private final Map<Integer, Instant> releasedSlots = new HashMap<>();
    private final Map<Integer, Instant> releasedPorts = new HashMap<>();

    static PoolUsage read(Connection c) throws SQLException {
        PoolUsage u = new PoolUsage();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, slot, redirect_port, iface FROM marks_connections");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                u.take(rs.getString(1), rs.getInt(2), rs.getObject(3) == null ? null : rs.getInt(3), rs.getString(4));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pool, value, released_ms FROM marks_released");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                (SLOT_POOL.equals(rs.getString(1)) ? u.releasedSlots : u.releasedPorts)
                        .put(rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)));
            }
        }
        return u;
    }

    /** Records the values a connection holds (read from the database, or just allocated). */
    void take(String name, int slot, Integer port, String iface) {
        slots.put(slot, name);
        releasedSlots.remove(slot);
        if (port != null) {
            ports.put(port, name);
            releasedPorts.remove(port);
        }
        if (iface != null) {
            ifaces.put(iface, name);
        }
    }

    /** The connection that has this interface name, or null. */
    String ifaceHolder(String iface) {
        return ifaces.get(iface);
    }

    /** The pinned slot if free, else the reuse policy's pick; errors name the pool. */
    int slot(Integer pinned, Instant now) {
        return choose(SLOT_POOL, 0, MarkPool.SLOTS - 1, pinned, now);
    }

    /** The pinned redirect port if free, else the reuse policy's pick; errors name the pool. */
    int port(Integer pinned, Instant now) {
        return choose(PORT_POOL, MarkPool.PORT_FIRST, MarkPool.PORT_LAST, pinned, now);
    }

    private int choose(String pool, int first, int last, Integer pinned, Instant now) {
        Map<Integer, String> used = pool.equals(SLOT_POOL) ? slots : ports;
        Map<Integer, Instant> released = pool.equals(SLOT_POOL) ? releasedSlots : releasedPorts;
        if (pinned != null) {
            String what = describe(pool, pinned);
            String param = pool.equals(SLOT_POOL) ? "mark" : "redirectPort";
            if (used.containsKey(pinned)) {
                throw new InvalidValueException(param, what + " is already used by connection " + used.get(pinned));
            }
            Instant at = released.get(pinned);
            if (at != null && ReusePolicy.quarantined(at, now)) {
                throw new InvalidValueException(param, what + " was released at " + at + " and is quarantined until "
                        + at.plus(ReusePolicy.QUARANTINE) + " so that stale rules cannot capture new traffic");
            }
            return pinned;
        }
        OptionalInt pick = ReusePolicy.pick(first, last, used.keySet(), released, now);
        if (pick.isPresent()) {
            return pick.getAsInt();
        }
        Instant soonest = released.values().stream().filter(t -> ReusePolicy.quarantined(t, now)).min(Instant::compareTo).orElse(null);
        long waiting = released.entrySet().stream()
                .filter(e -> !used.containsKey(e.getKey()) && ReusePolicy.quarantined(e.getValue(), now)).count();
        String poolName = pool.equals(SLOT_POOL)
                ? "mark/table pool (marks " + MarkPool.hex(MarkPool.MARK_BASE) + "–" + MarkPool.hex(MarkPool.MARK_LAST)
                + ", tables " + MarkPool.TABLE_BASE + "–" + MarkPool.TABLE_LAST + ")"
                : "redirect port pool (" + MarkPool.PORT_FIRST + "–" + MarkPool.PORT_LAST + ")";
        throw new BosunException("the " + poolName + " is exhausted: " + used.size() + " in use"
                + (waiting == 0 ? "; release a connection first"
                : ", " + waiting + " released less than " + ReusePolicy.QUARANTINE.toMinutes()
                + " minutes ago (quarantined; the first is free again at " + soonest.plus(ReusePolicy.QUARANTINE) + ")"));
    }

    /** The value after its parameter's name: {@code mark 0x1100 (table 1016)}, {@code redirectPort 9150}. */
    private static String describe(String pool, int value) {
        return pool.equals(SLOT_POOL)
                ? MarkPool.hex(MarkPool.mark(value)) + " (table " + MarkPool.table(value) + ")"
                : Integer.toString(value);
    }
}
