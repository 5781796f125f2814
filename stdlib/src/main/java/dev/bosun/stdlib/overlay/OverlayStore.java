package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Change;
import dev.bosun.api.HostContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The overlay records in the state database. The name is the primary key and is claimed in one
 * {@code BEGIN IMMEDIATE} transaction before any directory exists, so of two processes creating the
 * same name exactly one gets past {@link #claim} (sdme gets the same from {@code O_CREAT|O_EXCL}).
 */
final class OverlayStore {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE overlay (name TEXT PRIMARY KEY, datadir TEXT NOT NULL, lower TEXT NOT NULL, "
                    + "opaque TEXT NOT NULL, xattrs TEXT NOT NULL, created INTEGER NOT NULL)");

    private final HostContext ctx;

    OverlayStore(HostContext ctx) {
        this.ctx = ctx;
        ctx.state().migrate("overlay", SCHEMA);
    }

    /**
     * Inserts the record and returns null. When the name is recorded with the same spec, returns that record and
     * changes nothing (create is an ensure); with another spec, fails naming it.
     */
    OverlayRecord claim(OverlayRecord r) {
        OverlayRecord same = ctx.state().write(c -> {
            OverlayRecord existing = find(c, r.name());
            if (existing != null) {
                return same(existing, r);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO overlay(name, datadir, lower, opaque, xattrs, created) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.name());
                ps.setString(2, r.datadir());
                // Paths are single-line (validated), so a newline is a safe list separator.
                ps.setString(3, String.join("\n", r.lower()));
                ps.setString(4, String.join("\n", r.opaque()));
                ps.setString(5, r.xattrs().toString());
                ps.setLong(6, r.createdMillis());
                ps.executeUpdate();
            }
            return null;
        });
        if (same == null) {
            ctx.plan().record(Change.state("overlay/" + r.name(), "record overlay " + r.name() + " (lower "
                    + String.join(":", r.lower()) + ")"));
        }
        return same;
    }

    /** {@code recorded} when it has {@code wanted}'s spec; otherwise fails naming the recorded one. */
    OverlayRecord same(OverlayRecord recorded, OverlayRecord wanted) {
        if (recorded.sameSpec(wanted)) {
            return recorded;
        }
        throw new BosunException("overlay \"" + recorded.name() + "\" already exists with another spec (in "
                + recorded.layout().dir() + ", lower " + String.join(":", recorded.lower()) + ", opaque "
                + recorded.opaque() + "); remove it with overlay.remove or pick another name");
    }

    /** The record, or null. */
    OverlayRecord find(String name) {
        return ctx.state().read(c -> find(c, name));
    }

    void delete(String name) {
        ctx.plan().record(Change.state("overlay/" + name, "forget overlay " + name));
        ctx.state().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM overlay WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The record, or a failure that says how to see what exists. */
    OverlayRecord get(String name) {
        OverlayRecord r = ctx.state().read(c -> find(c, name));
        if (r == null) {
            throw new BosunException("no overlay named " + Check.quote(name) + "; overlay.list() shows the existing ones");
        }
        return r;
    }

    List<OverlayRecord> all() {
        return ctx.state().read(c -> {
            List<OverlayRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM overlay ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    private static OverlayRecord find(java.sql.Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM overlay WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private static OverlayRecord row(ResultSet rs) throws SQLException {
        return new OverlayRecord(rs.getString("name"), rs.getString("datadir"), split(rs.getString("lower")),
                split(rs.getString("opaque")), XattrNamespace.of(rs.getString("xattrs")), rs.getLong("created"));
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }
}
