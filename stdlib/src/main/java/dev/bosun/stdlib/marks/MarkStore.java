package dev.bosun.stdlib.marks;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.State;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Connections, peers and where they are applied, in Bosun's state database. Every change runs in
 * one {@code BEGIN IMMEDIATE} transaction, so concurrent Bosun processes are serialised and never
 * hand out the same mark, table, port or interface name.
 */
final class MarkStore {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE marks_connections (id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL UNIQUE, "
                    + "slot INTEGER NOT NULL UNIQUE CHECK (slot BETWEEN 0 AND 255), iface TEXT UNIQUE, "
                    + "redirect_port INTEGER UNIQUE CHECK (redirect_port BETWEEN 9100 AND 9199), created TEXT NOT NULL)",
            "CREATE TABLE marks_released (pool TEXT NOT NULL, value INTEGER NOT NULL, released_ms INTEGER NOT NULL, "
                    + "PRIMARY KEY (pool, value))",
            "CREATE TABLE marks_peers (peer TEXT PRIMARY KEY, family INTEGER NOT NULL, "
                    + "connection_id TEXT NOT NULL REFERENCES marks_connections(id) ON DELETE CASCADE)",
            "CREATE TABLE marks_applied (netns TEXT NOT NULL, "
                    + "connection_id TEXT NOT NULL REFERENCES marks_connections(id) ON DELETE CASCADE, "
                    + "PRIMARY KEY (netns, connection_id))");
    private static final String SLOT_POOL = "slot";
    private static final String PORT_POOL = "port";

    private final State state;
    private final Clock clock;

    MarkStore(State state, Clock clock) {
        this.state = state;
        this.clock = clock;
        state.migrate("marks", SCHEMA);
    }

    /** A connection and whether this call made it (false: the same request had been allocated before). */
    record Allocated(dev.bosun.stdlib.marks.Connection connection, boolean created) {
    }

    /**
     * An ensure: a name already allocated with the same type, and with the pinned values the request gives (if
     * any), is that connection, unchanged; a name held with anything else is an error naming the holder.
     */
    Allocated allocate(AllocateRequest req) {
        return state.write(c -> {
            List<dev.bosun.stdlib.marks.Connection> named = load(c, "WHERE c.name = ?", req.name());
            if (!named.isEmpty()) {
                dev.bosun.stdlib.marks.Connection existing = named.getFirst();
                if (req.sameAs(existing)) {
                    return new Allocated(existing, false);
                }
                throw new InvalidValueException("name", Check.quote(req.name()) + " is already used by connection "
                        + existing.id() + " (" + existing.type() + ", mark " + existing.mark()
                        + (existing.redirectPort() != null ? ", port " + existing.redirectPort() : "")
                        + "); release it first or choose another name");
            }
            Instant now = clock.instant();
            int slot = choose(c, SLOT_POOL, "slot", 0, MarkPool.SLOTS - 1, req.pinnedSlot(), now);
            Integer port = null;
            if (req.type().kind() == ConnectionType.Kind.REDIRECT) {
                port = choose(c, PORT_POOL, "redirect_port", MarkPool.PORT_FIRST, MarkPool.PORT_LAST, req.redirectPort(), now);
            }
            String iface = null;
            if (req.type().kind() == ConnectionType.Kind.IFACE) {
                iface = MarkPool.ifaceName(req.type(), req.name(), slot);
                String holder = scalar(c, "SELECT name FROM marks_connections WHERE iface = ?", iface);
                if (holder != null) {
                    throw new InvalidValueException("name", Check.quote(req.name()) + " would get interface " + iface
                            + ", already used by connection " + holder + "; choose another name");
                }
            }
            String id = UUID.randomUUID().toString();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO marks_connections"
                    + "(id, type, name, slot, iface, redirect_port, created) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, req.type().toString());
                ps.setString(3, req.name());
                ps.setInt(4, slot);
                ps.setString(5, iface);
                if (port == null) {
                    ps.setNull(6, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(6, port);
                }
                ps.setString(7, now.toString());
                ps.executeUpdate();
            }
            update(c, "DELETE FROM marks_released WHERE pool = ? AND value = ?", SLOT_POOL, slot);
            if (port != null) {
                update(c, "DELETE FROM marks_released WHERE pool = ? AND value = ?", PORT_POOL, port);
            }
            return new Allocated(load(c, "WHERE c.id = ?", id).getFirst(), true);
        });
    }

    /** The pinned value if free, else the policy's pick; errors name the pool. */
    private static int choose(Connection c, String pool, String column, int first, int last, Integer pinned, Instant now)
            throws SQLException {
        Set<Integer> used = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM marks_connections WHERE " + column + " IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                used.add(rs.getInt(1));
            }
        }
        Map<Integer, Instant> released = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT value, released_ms FROM marks_released WHERE pool = ?")) {
            ps.setString(1, pool);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    released.put(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
        }
        if (pinned != null) {
            String what = describe(pool, pinned);
            if (used.contains(pinned)) {
                String holder = scalar(c, "SELECT name FROM marks_connections WHERE " + column + " = ?", pinned);
                throw new InvalidValueException(pool.equals(SLOT_POOL) ? "mark" : "redirectPort",
                        what + " is already used by connection " + holder);
            }
            Instant at = released.get(pinned);
            if (at != null && ReusePolicy.quarantined(at, now)) {
                throw new InvalidValueException(pool.equals(SLOT_POOL) ? "mark" : "redirectPort", what
                        + " was released at " + at + " and is quarantined until " + at.plus(ReusePolicy.QUARANTINE)
                        + " so that stale rules cannot capture new traffic");
            }
            return pinned;
        }
        OptionalInt pick = ReusePolicy.pick(first, last, used, released, now);
        if (pick.isPresent()) {
            return pick.getAsInt();
        }
        Instant soonest = released.values().stream().filter(t -> ReusePolicy.quarantined(t, now)).min(Instant::compareTo).orElse(null);
        long waiting = released.entrySet().stream()
                .filter(e -> !used.contains(e.getKey()) && ReusePolicy.quarantined(e.getValue(), now)).count();
        String poolName = pool.equals(SLOT_POOL)
                ? "mark/table pool (marks " + MarkPool.hex(MarkPool.MARK_BASE) + "–" + MarkPool.hex(MarkPool.MARK_LAST)
                + ", tables " + MarkPool.TABLE_BASE + "–" + MarkPool.TABLE_LAST + ")"
                : "redirect port pool (" + MarkPool.PORT_FIRST + "–" + MarkPool.PORT_LAST + ")";
        throw new BosunException("the " + poolName + " is exhausted: " + used.size() + " in use"
                + (waiting == 0 ? "; release a connection first"
                : ", " + waiting + " released less than " + ReusePolicy.QUARANTINE.toMinutes()
                + " minutes ago (quarantined; the first is free again at " + soonest.plus(ReusePolicy.QUARANTINE) + ")"));
    }

    private static String describe(String pool, int value) {
        return pool.equals(SLOT_POOL)
                ? "mark " + MarkPool.hex(MarkPool.mark(value)) + " (table " + MarkPool.table(value) + ")"
                : "redirect port " + value;
    }

    List<dev.bosun.stdlib.marks.Connection> list() {
        return state.read(c -> load(c, "", null));
    }

    /** By id or name; a clear error when there is none. */
    dev.bosun.stdlib.marks.Connection find(String idOrName) {
        Check.notBlank("id", idOrName);
        return state.read(c -> find(c, idOrName));
    }

    private static dev.bosun.stdlib.marks.Connection find(Connection c, String idOrName) throws SQLException {
        List<dev.bosun.stdlib.marks.Connection> found = load(c, "WHERE c.id = ? OR c.name = ?", idOrName);
        if (found.isEmpty()) {
            throw new BosunException("no connection with id or name " + Check.quote(idOrName) + "; see marks.list()");
        }
        return found.getFirst();
    }

    ReleaseResult release(String idOrName, boolean force) {
        return state.write(c -> {
            dev.bosun.stdlib.marks.Connection conn = find(c, idOrName);
            List<String> appliedIn = appliedIn(c, conn.id());
            if (!appliedIn.isEmpty() && !force) {
                throw new BosunException("connection " + conn.name() + " is applied in "
                        + String.join(", ", appliedIn.stream().map(n -> n.isEmpty() ? "the host namespace" : "netns " + n).toList())
                        + "; releasing it would leave live rules on mark " + conn.mark()
                        + ": pass force:true, then marks.apply to remove them");
            }
            long now = clock.millis();
            update(c, "DELETE FROM marks_connections WHERE id = ?", conn.id());
            update(c, "INSERT OR REPLACE INTO marks_released(pool, value, released_ms) VALUES (?, ?, ?)", SLOT_POOL, conn.slot(), now);
            if (conn.redirectPort() != null) {
                update(c, "INSERT OR REPLACE INTO marks_released(pool, value, released_ms) VALUES (?, ?, ?)",
                        PORT_POOL, conn.redirectPort(), now);
            }
            return new ReleaseResult(conn, conn.peers(), appliedIn, true);
        });
    }

    PeerAssignment assign(PeerAddress peer, String idOrName) {
        return state.write(c -> {
            dev.bosun.stdlib.marks.Connection conn = find(c, idOrName);
            String holder = scalar(c, "SELECT connection_id FROM marks_peers WHERE peer = ?", peer.text());
            if (conn.id().equals(holder)) {
                return new PeerAssignment(peer.text(), conn.id(), conn.name(), false);
            }
            // Only the same family can overlap; one query, no per-connection loading.
            try (PreparedStatement ps = c.prepareStatement("SELECT p.peer, c.name FROM marks_peers p "
                    + "JOIN marks_connections c ON c.id = p.connection_id WHERE p.family = ?")) {
                ps.setInt(1, peer.family());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String p = rs.getString(1);
                        if (p.equals(peer.text()) || PeerAddress.parse("peer", p).overlaps(peer)) {
                            throw new InvalidValueException("peer", Check.quote(peer.text())
                                    + (p.equals(peer.text()) ? " is already assigned" : " overlaps " + p + ", already assigned")
                                    + " to connection " + rs.getString(2) + "; unassign it first (one connection per peer)");
                        }
                    }
                }
            }
            update(c, "INSERT INTO marks_peers(peer, family, connection_id) VALUES (?, ?, ?)", peer.text(), peer.family(), conn.id());
            return new PeerAssignment(peer.text(), conn.id(), conn.name(), true);
        });
    }

    PeerAssignment unassign(PeerAddress peer) {
        return state.write(c -> {
            String id = scalar(c, "SELECT connection_id FROM marks_peers WHERE peer = ?", peer.text());
            if (id == null) {
                return new PeerAssignment(peer.text(), null, null, false);
            }
            String name = scalar(c, "SELECT name FROM marks_connections WHERE id = ?", id);
            update(c, "DELETE FROM marks_peers WHERE peer = ?", peer.text());
            return new PeerAssignment(peer.text(), id, name, true);
        });
    }

    /** Records that exactly these connections are live in the namespace. */
    void markApplied(String netnsKey, Set<String> connectionIds) {
        state.write(c -> {
            update(c, "DELETE FROM marks_applied WHERE netns = ?", netnsKey);
            for (String id : connectionIds) {
                update(c, "INSERT INTO marks_applied(netns, connection_id) VALUES (?, ?)", netnsKey, id);
            }
            return null;
        });
    }

    private static List<String> appliedIn(Connection c, String id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT netns FROM marks_applied WHERE connection_id = ? ORDER BY netns")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<dev.bosun.stdlib.marks.Connection> load(Connection c, String where, String arg) throws SQLException {
        Map<String, List<String>> peers = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT connection_id, peer FROM marks_peers ORDER BY family, peer");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                peers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<String, dev.bosun.stdlib.marks.Connection> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.type, c.name, c.slot, c.iface, c.redirect_port, c.created "
                + "FROM marks_connections c " + where + " ORDER BY c.slot")) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setString(i, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int slot = rs.getInt(4);
                    int port = rs.getInt(6);
                    Integer redirect = rs.wasNull() ? null : port;
                    String id = rs.getString(1);
                    out.put(id, new dev.bosun.stdlib.marks.Connection(id, ConnectionType.parse("type", rs.getString(2)),
                            rs.getString(3), MarkPool.hex(MarkPool.mark(slot)), MarkPool.table(slot), MarkPool.priority(slot),
                            rs.getString(5), redirect, rs.getString(7), peers.getOrDefault(id, List.of())));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static String scalar(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
