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

/** SQLite's own verdict on Bosun's state database under a root: {@code PRAGMA integrity_check}. */
final class StateDatabase {
    static final String PATH = "var/lib/bosun/bosun.db";

    private StateDatabase() {
    }

    /**
     * The problems integrity_check reports (empty when it says ok or when there is no database yet). Opening
     * it rolls back a hot journal a kill left, as Bosun's next run would; that recovery is what must work.
     */
    static List<String> problems(Path root) {
        Path db = root.resolve(PATH);
        if (!Files.exists(db)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                String row = rs.getString(1);
                if (!row.equals("ok")) {
                    out.add(PATH + ": " + row);
                }
            }
        } catch (SQLException e) {
            out.add(PATH + ": cannot be opened: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return out;
    }
}
