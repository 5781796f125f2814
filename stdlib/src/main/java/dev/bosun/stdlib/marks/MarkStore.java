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
import java.util.List;
import java.util.Map;
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
        return allocateAll(List.of(req)).getFirst();
    }

    /**
     * {@link #allocate} for each request, in order, in one transaction: all of them or, when one fails, none. A
     * name given twice is one connection (the second request must be the same as the first, as for a rerun).
     */
    List<Allocated> allocateAll(List<AllocateRequest> requests) {
        if (requests.isEmpty()) {
            return List.of(); // nothing to write: no transaction, no audited effect
        }
        return state.write(c -> {
            PoolUsage pools = PoolUsage.read(c);
            Map<String, dev.bosun.stdlib.marks.Connection> made = new HashMap<>();
            List<Allocated> out = new ArrayList<>(requests.size());
            Instant now = clock.instant();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO marks_connections"
                    + "(id, type, name, slot, iface, redirect_port, created) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement unrelease = c.prepareStatement("DELETE FROM marks_released WHERE pool = ? AND value = ?")) {
                for (AllocateRequest req : requests) {
                    dev.bosun.stdlib.marks.Connection existing = made.get(req.name());
                    if (existing == null) {
                        List<dev.bosun.stdlib.marks.Connection> named = load(c, "WHERE c.name = ?", req.name());
                        existing = named.isEmpty() ? null : named.getFirst();
                    }
                    if (existing != null) {
                        if (!req.sameAs(existing)) {
                            throw new InvalidValueException("name", Check.quote(req.name()) + " is already used by connection "
                                    + existing.id() + " (" + existing.type() + ", mark " + existing.mark()
                                    + (existing.redirectPort() != null ? ", port " + existing.redirectPort() : "")
                                    + "); release it first or choose another name");
                        }
                        out.add(new Allocated(existing, false));
                        continue;
                    }
                    dev.bosun.stdlib.marks.Connection conn = insert(insert, unrelease, pools, req, now);
                    made.put(conn.name(), conn);
                    out.add(new Allocated(conn, true));
                }
            }
            return out;
        });
    }

    /** Picks the values of a new connection, inserts its row and takes its values out of the pools. */
    private static dev.bosun.stdlib.marks.Connection insert(PreparedStatement insert, PreparedStatement unrelease,
                                                            PoolUsage pools, AllocateRequest req, Instant now)
            throws SQLException {
        int slot = pools.slot(req.pinnedSlot(), now);
        Integer port = req.type().kind() == ConnectionType.Kind.REDIRECT ? pools.port(req.redirectPort(), now) : null;
        String iface = null;
        if (req.type().kind() == ConnectionType.Kind.IFACE) {
            iface = MarkPool.ifaceName(req.type(), req.name(), slot);
            String holder = pools.ifaceHolder(iface);
            if (holder != null) {
                throw new InvalidValueException("name", Check.quote(req.name()) + " would get interface " + iface
                        + ", already used by connection " + holder + "; choose another name");
            }
        }
        String id = UUID.randomUUID().toString();
        insert.setString(1, id);
        insert.setString(2, req.type().toString());
        insert.setString(3, req.name());
        insert.setInt(4, slot);
        insert.setString(5, iface);
        if (port == null) {
            insert.setNull(6, java.sql.Types.INTEGER);
        } else {
            insert.setInt(6, port);
        }
        insert.setString(7, now.toString());
        insert.executeUpdate();
        unrelease.setString(1, PoolUsage.SLOT_POOL);
        unrelease.setInt(2, slot);
        unrelease.executeUpdate();
        if (port != null) {
            unrelease.setString(1, PoolUsage.PORT_POOL);
            unrelease.setInt(2, port);
            unrelease.executeUpdate();
        }
        pools.take(req.name(), slot, port, iface);
        return new dev.bosun.stdlib.marks.Connection(id, req.type(), req.name(), MarkPool.hex(MarkPool.mark(slot)),
                MarkPool.table(slot), MarkPool.priority(slot), iface, port, now.toString(), List.of());
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
            update(c, "INSERT OR REPLACE INTO marks_released(pool, value, released_ms) VALUES (?, ?, ?)", PoolUsage.SLOT_POOL, conn.slot(), now);
            if (conn.redirectPort() != null) {
                update(c, "INSERT OR REPLACE INTO marks_released(pool, value, released_ms) VALUES (?, ?, ?)",
                        PoolUsage.PORT_POOL, conn.redirectPort(), now);
            }
            return new ReleaseResult(conn, conn.peers(), appliedIn, true);
        });
    }

    PeerAssignment assign(PeerAddress peer, String idOrName) {
        return assignAll(List.of(new PeerRequest(peer.text(), idOrName))).getFirst();
    }

    /**
     * Assigns each peer to its connection, in order, in one transaction: all of them or, when one fails, none.
     * A peer already on that connection is {@code changed:false}; one that is, or overlaps, a peer of another
     * connection (assigned before or earlier in the list) is refused.
     */
    List<PeerAssignment> assignAll(List<PeerRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        return state.write(c -> {
            Map<String, String[]> conns = new HashMap<>(); // id and name → {id, name}
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM marks_connections");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] idName = {rs.getString(1), rs.getString(2)};
                    conns.put(idName[0], idName);
                    conns.put(idName[1], idName);
                }
            }
            PeerIndex index = new PeerIndex();
            Map<String, String> nameOf = new HashMap<>();
            conns.values().forEach(v -> nameOf.put(v[0], v[1]));
            // Only the families asked for can overlap (a single assign reads its family's peers only).
            int families = requests.stream().mapToInt(r -> r.address().family() == 4 ? 1 : 2).reduce(0, (a, b) -> a | b);
            try (PreparedStatement ps = c.prepareStatement("SELECT peer, connection_id FROM marks_peers"
                    + (families == 3 ? "" : " WHERE family = " + (families == 1 ? 4 : 6)));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    index.add(PeerAddress.parse("peer", rs.getString(1)), rs.getString(2));
                }
            }
            List<PeerAssignment> out = new ArrayList<>(requests.size());
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO marks_peers(peer, family, connection_id) VALUES (?, ?, ?)")) {
                for (PeerRequest req : requests) {
                    String[] conn = conns.get(req.connection());
                    if (conn == null) {
                        throw new BosunException("no connection with id or name " + Check.quote(req.connection())
                                + "; see marks.list()");
                    }
                    PeerAddress peer = req.address();
                    PeerIndex.Held held = index.overlapping(peer);
                    if (held != null && held.peer().equals(peer) && held.connectionId().equals(conn[0])) {
                        out.add(new PeerAssignment(peer.text(), conn[0], conn[1], false));
                        continue;
                    }
                    if (held != null) {
                        String p = held.peer().text();
                        throw new InvalidValueException("peer", Check.quote(peer.text())
                                + (p.equals(peer.text()) ? " is already assigned" : " overlaps " + p + ", already assigned")
                                + " to connection " + nameOf.get(held.connectionId())
                                + "; unassign it first (one connection per peer)");
                    }
                    insert.setString(1, peer.text());
                    insert.setInt(2, peer.family());
                    insert.setString(3, conn[0]);
                    insert.executeUpdate();
                    index.add(peer, conn[0]);
                    out.add(new PeerAssignment(peer.text(), conn[0], conn[1], true));
                }
            }
            return out;
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

    /** Connections matching {@code where} (all when empty), by slot, with their peers (only theirs are read). */
    private static List<dev.bosun.stdlib.marks.Connection> load(Connection c, String where, String arg) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.type, c.name, c.slot, c.iface, c.redirect_port, c.created "
                + "FROM marks_connections c " + where + " ORDER BY c.slot")) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setString(i, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int port = rs.getInt(6);
                    Integer redirect = rs.wasNull() ? null : port;
                    rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            redirect, rs.getString(7)});
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> peers = new HashMap<>();
        String peerSql = "SELECT connection_id, peer FROM marks_peers" + (where.isEmpty() ? "" : " WHERE connection_id = ?")
                + " ORDER BY family, peer";
        try (PreparedStatement ps = c.prepareStatement(peerSql)) {
            for (Object[] row : where.isEmpty() ? List.<Object[]>of(new Object[] {null}) : rows) {
                if (row[0] != null) {
                    ps.setString(1, (String) row[0]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        peers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        List<dev.bosun.stdlib.marks.Connection> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String id = (String) row[0];
            int slot = (Integer) row[3];
            out.add(new dev.bosun.stdlib.marks.Connection(id, ConnectionType.parse("type", (String) row[1]), (String) row[2],
                    MarkPool.hex(MarkPool.mark(slot)), MarkPool.table(slot), MarkPool.priority(slot), (String) row[4],
                    (Integer) row[5], (String) row[6], peers.getOrDefault(id, List.of())));
        }
        return out;
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
