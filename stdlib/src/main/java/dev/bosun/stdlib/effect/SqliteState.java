package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.State;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * SQLite at a path, opened on first use (start-up stays fast for sessions that never touch state).
 * WAL, a busy timeout so concurrent Bosun processes wait for each other instead of failing, and
 * {@code BEGIN IMMEDIATE} for writes so allocations are serialised across processes. The core schema
 * is versioned with {@code PRAGMA user_version}; module tables by owner in {@code schema_versions}.
 * Before SQLite sees the file, {@link StateLocation} checks (and creates privately) where it lives; SQLite
 * then opens it with {@code SQLITE_OPEN_NOFOLLOW} and without {@code SQLITE_OPEN_CREATE}.
 */
final class SqliteState implements State, AutoCloseable {
    private static final List<String> CORE = List.of(
            "CREATE TABLE schema_versions (owner TEXT PRIMARY KEY, version INTEGER NOT NULL)");

    /** sqlite3_open_v2 flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW (sqlite-jdbc has no constant for it). */
    private static final int OPEN_FLAGS = 0x00000002 | 0x01000000;

    private final StateLocation location;
    private final boolean repair;
    private final Path path;
    private Connection connection;
    /**
     * Per owner, the number of statements {@link #migrate} found applied on this connection. Modules call
     * migrate before each use (one per operation); once an owner is known to be current, checking again costs a
     * write transaction per call for nothing. Bound to the connection: cleared when it is closed, so a new
     * connection (or another context, which has its own SqliteState) checks again.
     */
    private final Map<String, Integer> migrated = new HashMap<>();

    /** {@code repair}: tighten a too readable database or state directory (never under dry-run). */
    SqliteState(StateLocation location, boolean repair) {
        this.location = location;
        this.repair = repair;
        this.path = location.path();
    }

    @Override
    public Path path() {
        return path;
    }

    private synchronized Connection connection() {
        if (connection == null) {
            try {
                Path real = location.prepare(true, repair);
                Properties p = new Properties();
                p.setProperty("open_mode", Integer.toString(OPEN_FLAGS));
                Connection c = DriverManager.getConnection("jdbc:sqlite:" + real, p);
                try {
                    try (Statement st = c.createStatement()) {
                        st.execute("PRAGMA busy_timeout = 30000");
                        st.execute("PRAGMA journal_mode = WAL");
                        st.execute("PRAGMA synchronous = NORMAL");
                        st.execute("PRAGMA foreign_keys = ON");
                    }
                    c.setAutoCommit(true);
                    connection = c;
                    migrateCore();
                } catch (SQLException | RuntimeException e) {
                    connection = null; // a corrupt database stays unusable; the next call reports it again
                    c.close();
                    throw e;
                }
            } catch (SQLException e) {
                throw new BosunException("cannot open the state database " + path + ": " + e.getMessage(), e);
            }
        }
        return connection;
    }

    private void migrateCore() throws SQLException {
        write(c -> {
            int version;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.getInt(1);
            }
            for (int i = version; i < CORE.size(); i++) {
                try (Statement st = c.createStatement()) {
                    st.execute(CORE.get(i));
                    st.execute("PRAGMA user_version = " + (i + 1));
                }
            }
            return null;
        });
    }

    @Override
    public synchronized void migrate(String owner, List<String> statements) {
        Integer known = migrated.get(owner);
        if (known != null && known == statements.size()) {
            return;
        }
        write(c -> {
            int version = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM schema_versions WHERE owner = ?")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        version = rs.getInt(1);
                    }
                }
            }
            if (version > statements.size()) {
                throw new BosunException("the state database " + path + " has " + owner + " schema version " + version
                        + ", newer than this Bosun knows (" + statements.size() + "); upgrade Bosun");
            }
            for (int i = version; i < statements.size(); i++) {
                try (Statement st = c.createStatement()) {
                    st.execute(statements.get(i));
                }
            }
            if (version < statements.size()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_versions(owner, version) VALUES (?, ?) "
                                + "ON CONFLICT(owner) DO UPDATE SET version = excluded.version")) {
                    ps.setString(1, owner);
                    ps.setInt(2, statements.size());
                    ps.executeUpdate();
                }
            }
            return null;
        });
        migrated.put(owner, statements.size()); // only after the commit: a failed migration is tried again
    }

    @Override
    public synchronized <T> T read(Work<T> work) {
        try {
            return work.run(connection());
        } catch (SQLException e) {
            throw new BosunException("state database " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized <T> T write(Work<T> work) {
        Connection c = connection();
        try {
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            T result;
            try {
                result = work.run(c);
            } catch (RuntimeException | Error | SQLException e) {
                // Errors too (a plugin's ExceptionInInitializerError, LinkageError): an open transaction
                // would make every later write of the session fail with "transaction within a transaction".
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK");
                }
                throw e;
            }
            try (Statement st = c.createStatement()) {
                st.execute("COMMIT");
            }
            return result;
        } catch (SQLException e) {
            throw new BosunException("state database " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing at exit; nothing left to protect.
            }
            connection = null;
        }
        migrated.clear();
    }
}
