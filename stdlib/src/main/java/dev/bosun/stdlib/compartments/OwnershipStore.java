package dev.bosun.stdlib.compartments;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.HostContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The compartments' records in the state database: each compartment's last applied spec (secret values are never
 * part of a spec, only where they are read from) and what it owns on the host. {@code (kind, name)} is the key of
 * an ownership row, so no two compartments can own the same account, path or unit.
 */
final class OwnershipStore {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE compartment (id TEXT PRIMARY KEY, spec TEXT NOT NULL)",
            "CREATE TABLE compartment_owned (id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, "
                    + "PRIMARY KEY (kind, name))");

    private final HostContext ctx;
    private boolean ready;

    OwnershipStore(HostContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Reads see nothing until the database exists: opening it would create it (and its directory) outside the
     * plan, before the call's first effect, where the audit gate plans that directory. So a real run's -v list and
     * its dry-run's plan name it alike.
     */
    private boolean readable() {
        if (!ready && java.nio.file.Files.exists(ctx.state().path())) {
            ready();
        }
        return ready;
    }

    /** The tables, created on the first write (after the write's change is recorded, so after the audit gate). */
    private void ready() {
        if (!ready) {
            ctx.state().migrate("compartments", SCHEMA);
            ready = true;
        }
    }

    private <T> T read(dev.bosun.api.State.Work<T> work, T empty) {
        return readable() ? ctx.state().read(work) : empty;
    }

    /** The recorded spec JSON of a compartment, or null. */
    String spec(String id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT spec FROM compartment WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }, null);
    }

    /** Every compartment id with a recorded spec, sorted. */
    List<String> ids() {
        return read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM compartment ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }, List.of());
    }

    /** Records the spec when it differs from the recorded one (planned as a state change). */
    void saveSpec(String id, String json) {
        if (json.equals(spec(id))) {
            return;
        }
        ctx.plan().record(Change.state("compartments/" + id, "record the applied spec of compartment " + id));
        ready();
        ctx.state().write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO compartment(id, spec) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET spec = excluded.spec")) {
                ps.setString(1, id);
                ps.setString(2, json);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** What the compartment owns, sorted by kind then name. */
    TreeSet<Owned> owned(String id) {
        return read(c -> {
            TreeSet<Owned> out = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, name FROM compartment_owned WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Owned(Owned.Kind.of(rs.getString(1)), rs.getString(2)));
                    }
                }
            }
            return out;
        }, new TreeSet<>());
    }

    /** The compartment that owns the thing, or null. */
    String owner(Owned o) {
        return read(c -> owner(c, o), null);
    }

    private static String owner(Connection c, Owned o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM compartment_owned WHERE kind = ? AND name = ?")) {
            ps.setString(1, o.kind().label());
            ps.setString(2, o.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Records that the compartment owns these things, before they are made; those it owns already are skipped.
     * One transaction, one planned state change. Fails, recording nothing, when another compartment owns one.
     */
    void claim(String id, Collection<Owned> things) {
        Map<Owned, String> owners = read(c -> {
            Map<Owned, String> m = new TreeMap<>();
            for (Owned o : things) {
                String owner = owner(c, o);
                if (owner != null) {
                    m.put(o, owner);
                }
            }
            return m;
        }, new TreeMap<>());
        List<Owned> fresh = new ArrayList<>();
        for (Owned o : new TreeSet<>(things)) {
            String owner = owners.get(o);
            if (owner == null) {
                fresh.add(o);
            } else if (!owner.equals(id)) {
                throw new BosunException(o + " belongs to compartment " + Check.quote(owner) + ", not " + Check.quote(id)
                        + "; nothing was changed");
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        ctx.plan().record(Change.state("compartments/" + id, "record what " + whose(id) + " makes: " + summary(fresh)));
        ready();
        eachOwned("INSERT INTO compartment_owned(id, kind, name) VALUES (?, ?, ?)", id, fresh);
    }

    /** Runs {@code sql} (parameters id, kind, name) once per thing, as one batch in one transaction. */
    private void eachOwned(String sql, String id, Collection<Owned> things) {
        ctx.state().write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Owned o : things) {
                    ps.setString(1, id);
                    ps.setString(2, o.kind().label());
                    ps.setString(3, o.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Forgets things the compartment no longer owns (after they were removed). */
    void forget(String id, Collection<Owned> things) {
        if (things.isEmpty()) {
            return;
        }
        ctx.plan().record(Change.state("compartments/" + id, "forget what " + whose(id) + " removed: " + summary(things)));
        ready();
        eachOwned("DELETE FROM compartment_owned WHERE id = ? AND kind = ? AND name = ?", id, things);
    }

    /** Forgets the compartment's spec (its ownership rows must be gone already). */
    void dropSpec(String id) {
        if (spec(id) == null) {
            return;
        }
        ctx.plan().record(Change.state("compartments/" + id, "forget compartment " + id));
        ready();
        ctx.state().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM compartment WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static String whose(String id) {
        return id.equals(SharedDirs.OWNER) ? "the compartments together" : "compartment " + id;
    }

    private static String summary(Collection<Owned> things) {
        List<String> parts = new ArrayList<>();
        int shown = 0;
        for (Owned o : things) {
            if (shown++ == 8) {
                parts.add("... (" + things.size() + " in all)");
                break;
            }
            parts.add(o.toString());
        }
        return String.join(", ", parts);
    }
}
