package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Modules migrate before every operation; on one connection only the first call does any work. Observable by
     * forgetting the owner's version behind migrate's back: a re-check would re-run CREATE TABLE t and fail.
     */
    @Test
    void migrateChecksAnOwnerOncePerConnectionAndAgainOnANewOne() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty()) {
            try (LocalHostContext ctx = root.context(false)) {
                ctx.state().migrate("test", SCHEMA);
                forgetVersion(ctx);
                ctx.state().migrate("test", SCHEMA);
                // A longer list is a new version: it is checked and its new statement runs.
                restoreVersion(ctx, 1);
                ctx.state().migrate("test", List.of(SCHEMA.getFirst(), "CREATE TABLE t2 (v INTEGER)"));
                ctx.state().write(c -> c.createStatement().executeUpdate("INSERT INTO t2 VALUES (1)"));
                forgetVersion(ctx);
            }
            // Another context has its own connection and checks again: the forgotten version shows.
            try (LocalHostContext ctx = root.context(false)) {
                BosunException e = assertThrows(BosunException.class, () -> ctx.state().migrate("test", SCHEMA));
                assertTrue(e.getMessage().contains("table t already exists"), e.getMessage());
            }
        }
    }

    private static void forgetVersion(LocalHostContext ctx) {
        ctx.state().write(c -> c.createStatement().executeUpdate("DELETE FROM schema_versions WHERE owner = 'test'"));
    }

    private static void restoreVersion(LocalHostContext ctx, int version) {
        ctx.state().write(c -> c.createStatement().executeUpdate(
                "INSERT INTO schema_versions(owner, version) VALUES ('test', " + version + ")"));
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
