package dev.bosun.stdlib.audit;

import dev.bosun.api.HostContext;
import dev.bosun.api.Secrets;
import dev.bosun.api.State;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail, written ahead: before a mutating operation runs, an intent row (who, what, the masked
 * arguments, outcome {@code started}, the process id) is committed; after it, the row is completed with
 * the outcome ({@code ok}, {@code error} or {@code refused}), whether the host changed and the error. A
 * process killed in between leaves its row {@code started}; {@link #query} reports such a row as
 * {@code interrupted} once its process is gone, so a crash shows as an interrupted change, never as none.
 * Arguments arrive masked ({@link AuditArgs}); error messages are masked here.
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
              error TEXT)""", "CREATE INDEX audit_time ON audit(time)",
            // The process that wrote an intent row, and when it started (epoch ms): a pid alone is reused.
            "ALTER TABLE audit ADD COLUMN pid INTEGER", "ALTER TABLE audit ADD COLUMN pid_start INTEGER");

    /** Error texts are kept to this many characters (a message may quote a whole value). */
    private static final int MAX_ERROR = 2000;

    /** How an audited call ended. */
    public enum Outcome {
        /** The intent row: written before the effect, completed after it. */
        STARTED("started"),
        OK("ok"),
        /** The operation failed; {@code changed} says whether it changed anything first. */
        ERROR("error"),
        /** The operation refused its input after it started (bad input found by the operation itself). */
        REFUSED("refused"),
        /** Read back only: a row left {@code started} by a process that is gone. */
        INTERRUPTED("interrupted");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private AuditLog() {
    }

    /**
     * Commits the intent row of a call and returns its id. {@code argsJson} must already be masked
     * ({@link AuditArgs}). Throws a {@link dev.bosun.api.BosunException} when the row cannot be written;
     * the caller must then not run the operation.
     */
    public static long begin(HostContext ctx, String op, String argsJson) {
        State st = ctx.state();
        st.migrate("audit", SCHEMA);
        ProcessHandle self = ProcessHandle.current();
        return st.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit(time, uid, euid, user, source, op, args,"
                    + " changed, outcome, error, pid, pid_start) VALUES (?,?,?,?,?,?,?,0,?,NULL,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, Instant.now().toString());
                Invoker invoker = Invoker.of(ctx.caller(), System.getenv());
                ps.setInt(2, invoker.uid());
                ps.setInt(3, ctx.caller().euid());
                ps.setString(4, invoker.user());
                ps.setString(5, ctx.source() == null ? "unknown" : ctx.source());
                ps.setString(6, op);
                ps.setString(7, argsJson);
                ps.setString(8, Outcome.STARTED.toString());
                ps.setLong(9, self.pid());
                Long started = startMillis(self);
                if (started == null) {
                    ps.setNull(10, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(10, started);
                }
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Completes the intent row {@code id} with how the call ended. */
    public static void complete(HostContext ctx, long id, Outcome outcome, boolean changed, String error) {
        String e = error == null ? null : Secrets.maskText(error);
        if (e != null && e.length() > MAX_ERROR) {
            e = e.substring(0, MAX_ERROR) + "...";
        }
        String err = e;
        ctx.state().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit SET outcome = ?, changed = ?, error = ? "
                    + "WHERE id = ?")) {
                ps.setString(1, outcome.toString());
                ps.setInt(2, changed ? 1 : 0);
                ps.setString(3, err);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(null);
    }

    /** True when the process that wrote a {@code started} row still runs (same pid, same start time). */
    private static boolean stillRunning(long pid, Long started) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> started == null || started.equals(startMillis(p))).orElse(false);
    }

    static List<AuditEntry> query(HostContext ctx, int limit, Instant since, String op) {
        State st = ctx.state();
        st.migrate("audit", SCHEMA);
        return st.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT id, time, uid, euid, user, source, op, args, changed, outcome,"
                    + " error, pid, pid_start FROM audit WHERE 1=1");
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
                String outcome = rs.getString(10);
                Long pid = rs.getObject(12) == null ? null : rs.getLong(12);
                Long started = rs.getObject(13) == null ? null : rs.getLong(13);
                if (Outcome.STARTED.toString().equals(outcome) && (pid == null || !stillRunning(pid, started))) {
                    outcome = Outcome.INTERRUPTED.toString();
                }
                out.add(new AuditEntry(rs.getLong(1), AuditEntry.localTime(rs.getString(2)), rs.getString(5),
                        rs.getString(7), outcome, rs.getInt(9) != 0, AuditEntry.args(rs.getString(8)), rs.getString(6),
                        rs.getString(11), rs.getInt(3), rs.getInt(4), pid == null ? null : pid.intValue()));
            }
        }
        return out;
    }
}
