package dev.bosun.bench.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The compartments' rows in a root's state database, one line each: what each compartment owns
 * ({@code owned ID KIND NAME}) and its recorded spec ({@code spec ID JSON}). The tree listing leaves the database
 * out (timestamps), but these rows are what apply prunes by and remove takes away, so a converged rerun must leave
 * exactly the rows an uninterrupted run leaves.
 */
final class CompartmentRecords {
    private CompartmentRecords() {
    }

    /** The rows, sorted; empty when there is no database or no compartments table yet. */
    static List<String> of(Path root) {
        Path db = root.resolve(StateDatabase.PATH);
        List<String> out = new ArrayList<>();
        if (!Files.exists(db)) {
            return out;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet t = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'compartment_owned'")) {
                if (!t.next() || t.getInt(1) == 0) {
                    return out;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, kind, name FROM compartment_owned ORDER BY id, kind, name")) {
                while (rs.next()) {
                    out.add("owned " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, spec FROM compartment ORDER BY id")) {
                while (rs.next()) {
                    out.add("spec " + rs.getString(1) + " " + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            out.add("unreadable: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return out;
    }

    /** The first row only in {@code actual} and the first only in {@code expected}, in one line. */
    static String difference(List<String> actual, List<String> expected) {
        String extra = actual.stream().filter(r -> !expected.contains(r)).findFirst().orElse(null);
        String missing = expected.stream().filter(r -> !actual.contains(r)).findFirst().orElse(null);
        return (extra == null ? "" : "has \"" + abbreviate(extra) + "\"") + (extra != null && missing != null ? ", " : "")
                + (missing == null ? "" : "lacks \"" + abbreviate(missing) + "\"");
    }

    private static String abbreviate(String row) {
        return row.length() <= 160 ? row : row.substring(0, 160) + "...";
    }
}
