package dev.bosun.plugins.loopback;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.HostContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loopback allocations in Bosun's state DB. Every change runs in one {@code BEGIN IMMEDIATE}
 * transaction ({@code ctx.state().write}), so concurrent Bosun processes are serialised by SQLite:
 * the lowest free address is read and taken under the same write lock and no two sandboxes ever get
 * the same one. The UNIQUE constraint on address backs that up.
 */
final class AllocationStore {
    private static final String OWNER = "loopback";
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE loopback_allocations (slug TEXT PRIMARY KEY, address INTEGER NOT NULL UNIQUE, "
                    + "allocated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))",
            "CREATE TABLE loopback_pool (id INTEGER PRIMARY KEY CHECK (id = 1), first TEXT NOT NULL, last TEXT NOT NULL)");

    private final HostContext ctx;

    AllocationStore(HostContext ctx) {
        this.ctx = ctx;
        ctx.state().migrate(OWNER, SCHEMA);
    }

    Allocation allocate(String slug) {
        return ctx.state().write(c -> {
            Long existing = addressOf(c, slug);
            if (existing != null) {
                return Allocation.of(slug, LoopbackPool.format(existing), false);
            }
            LoopbackPool pool = pool(c);
            Set<Long> used = used(c);
            for (long v = pool.firstValue(); v <= pool.lastValue(); v++) {
                if (!used.contains(v)) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO loopback_allocations (slug, address) VALUES (?, ?)")) {
                        ps.setString(1, slug);
                        ps.setLong(2, v);
                        ps.executeUpdate();
                    }
                    String address = LoopbackPool.format(v);
                    ctx.plan().record(Change.state("loopback/" + slug, "allocate " + address + " to " + slug));
                    return Allocation.of(slug, address, true);
                }
            }
            throw new BosunException("loopback pool " + pool + " is exhausted (" + pool.size() + " of " + pool.size()
                    + " addresses allocated); release one with loopback.release(slug) or widen the pool with "
                    + "loopback.configure({first, last})");
        });
    }

    Released release(String slug) {
        return ctx.state().write(c -> {
            Long existing = addressOf(c, slug);
            if (existing == null) {
                return new Released(slug, null, false);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM loopback_allocations WHERE slug = ?")) {
                ps.setString(1, slug);
                ps.executeUpdate();
            }
            String address = LoopbackPool.format(existing);
            ctx.plan().record(Change.state("loopback/" + slug, "release " + address + " from " + slug));
            return new Released(slug, address, true);
        });
    }

    List<LoopbackAddress> list() {
        return ctx.state().read(c -> {
            List<LoopbackAddress> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT slug, address FROM loopback_allocations ORDER BY address");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(LoopbackAddress.of(rs.getString(1), LoopbackPool.format(rs.getLong(2))));
                }
            }
            return out;
        });
    }

    LoopbackAddress find(String slug) {
        return ctx.state().read(c -> {
            Long v = addressOf(c, slug);
            return v == null ? null : LoopbackAddress.of(slug, LoopbackPool.format(v));
        });
    }

    PoolInfo pool() {
        return ctx.state().read(c -> info(pool(c), used(c).size(), false));
    }

    /** Sets the pool; refused when an allocated address would fall outside it. */
    PoolInfo configure(LoopbackPool wanted) {
        return ctx.state().write(c -> {
            LoopbackPool current = pool(c);
            Set<Long> used = used(c);
            for (long v : used) {
                if (!wanted.contains(v)) {
                    throw new BosunException("loopback pool " + wanted + " would leave out allocated address "
                            + LoopbackPool.format(v) + "; release it first (loopback.list() shows its slug)");
                }
            }
            if (current.equals(wanted)) {
                return info(current, used.size(), false);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO loopback_pool (id, first, last) VALUES (1, ?, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET first = excluded.first, last = excluded.last")) {
                ps.setString(1, wanted.first());
                ps.setString(2, wanted.last());
                ps.executeUpdate();
            }
            ctx.plan().record(Change.state("loopback/pool", "pool " + current + " -> " + wanted));
            return info(wanted, used.size(), true);
        });
    }

    private static PoolInfo info(LoopbackPool p, int allocated, boolean changed) {
        return new PoolInfo(p.first(), p.last(), p.size(), allocated, changed);
    }

    private static LoopbackPool pool(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT first, last FROM loopback_pool WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new LoopbackPool(rs.getString(1), rs.getString(2)) : LoopbackPool.DEFAULT;
        }
    }

    private static Set<Long> used(Connection c) throws SQLException {
        Set<Long> used = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT address FROM loopback_allocations");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                used.add(rs.getLong(1));
            }
        }
        return used;
    }

    private static Long addressOf(Connection c, String slug) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT address FROM loopback_allocations WHERE slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
