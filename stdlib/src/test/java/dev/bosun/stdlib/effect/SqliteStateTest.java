package dev.bosun.stdlib.effect;

import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqliteStateTest {
    private static final List<String> SCHEMA = List.of("CREATE TABLE t (v INTEGER)");

    @Test
    void stateLivesUnderTheRootAndMigrationsRunOnce() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty()) {
            try (LocalHostContext ctx = root.context(false)) {
                ctx.state().migrate("test", SCHEMA);
                ctx.state().migrate("test", SCHEMA);
                ctx.state().write(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (1)"));
            }
            org.junit.jupiter.api.Assertions.assertTrue(Files.exists(root.path("/var/lib/bosun/bosun.db")));
            try (LocalHostContext ctx = root.context(false)) {
                assertEquals(1, count(ctx));
            }
        }
    }

    @Test
    void failedWriteRollsBack() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty(); LocalHostContext ctx = root.context(false)) {
            ctx.state().migrate("test", SCHEMA);
            assertThrows(IllegalStateException.class, () -> ctx.state().write(c -> {
                c.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
                throw new IllegalStateException("boom");
            }));
            assertEquals(0, count(ctx));
        }
    }

    @Test
    void dryRunWorksOnACopyAndNeverCreatesTheRealDatabase() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty()) {
            try (LocalHostContext ctx = root.context(true)) {
                ctx.state().migrate("test", SCHEMA);
                ctx.state().write(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (1)"));
                assertEquals(1, count(ctx), "later steps see planned state");
            }
            assertFalse(Files.exists(root.path("/var/lib/bosun/bosun.db")));
            try (LocalHostContext ctx = root.context(false)) {
                ctx.state().migrate("test", SCHEMA);
                ctx.state().write(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (7)"));
            }
            try (LocalHostContext ctx = root.context(true)) {
                ctx.state().write(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (8)"));
                assertEquals(2, count(ctx));
            }
            try (LocalHostContext ctx = root.context(false)) {
                assertEquals(1, count(ctx), "the dry-run insert did not reach the real database");
            }
        }
    }

    private static int count(LocalHostContext ctx) {
        return ctx.state().read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM t")) {
                return rs.getInt(1);
            }
        });
    }
}
