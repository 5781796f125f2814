package dev.bosun.stdlib.audit;

import dev.bosun.api.HostContext;
import dev.bosun.api.State;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The audit trail: one row per applied mutating operation. Argument values whose key looks like a
 * secret are replaced before anything is stored.
 */
public final class AuditLog {
    static final List<String> SCHEMA = List.of("""
            CREATE TABLE audit (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              time TEXT NOT NULL,
              uid INTEGER NOT NULL,
              euid INTEGER NOT NULL,
              user TEXT NOT NULL,
              source TEXT NOT NULL,
              op TEXT NOT NULL,
              args TEXT NOT NULL,
              changed INTEGER NOT NULL,
              outcome TEXT NOT NULL,
              error TEXT)""", "CREATE INDEX audit_time ON audit(time)");

    /** Keys whose values never reach the audit table. */
    public static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(pass(word|wd|phrase)?|secret|token|credential|private[_-]?key|api[_-]?key|auth).*");

    private AuditLog() {
    }

    /** Appends a row; {@code argsJson} must already be redacted (see {@link #SECRET_KEY}). */
    public static void append(HostContext ctx, String op, String argsJson, boolean changed, String error) {
        State st = ctx.state();
        st.migrate("audit", SCHEMA);
        st.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit(time, uid, euid, user, source, op, args,"
                    + " changed, outcome, error) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, Instant.now().toString());
                ps.setInt(2, ctx.caller().uid());
                ps.setInt(3, ctx.caller().euid());
                ps.setString(4, ctx.caller().user());
                ps.setString(5, ctx.source() == null ? "unknown" : ctx.source());
                ps.setString(6, op);
                ps.setString(7, argsJson);
                ps.setInt(8, changed ? 1 : 0);
                ps.setString(9, error == null ? "ok" : "error");
                ps.setString(10, error);
                ps.executeUpdate();
            }
            return null;
        });
    }

    static List<AuditEntry> query(HostContext ctx, int limit, Instant since, String op) {
        State st = ctx.state();
        st.migrate("audit", SCHEMA);
        return st.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT id, time, uid, euid, user, source, op, args, changed, outcome,"
                    + " error FROM audit WHERE 1=1");
            if (since != null) {
                sql.append(" AND time >= ?");
            }
            if (op != null) {
                sql.append(" AND (op = ? OR op LIKE ?)");
            }
            sql.append(" ORDER BY id DESC LIMIT ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (since != null) {
                    ps.setString(i++, since.toString());
                }
                if (op != null) {
                    ps.setString(i++, op);
                    ps.setString(i++, op + ".%");
                }
                ps.setInt(i, limit);
                return rows(ps);
            }
        });
    }

    private static List<AuditEntry> rows(PreparedStatement ps) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9) != 0, rs.getString(10),
                        rs.getString(11)));
            }
        }
        return out;
    }
}
