package dev.bosun.api;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Bosun's SQLite store. Write transactions start with {@code BEGIN IMMEDIATE}, so two Bosun
 * processes allocating at once are serialised by SQLite and never hand out the same value.
 * Under dry-run the work runs on a private copy of the database.
 */
public interface State {
    /** Where the database lives. */
    Path path();

    /**
     * Brings the tables of one owner (a module name) up to date: statement {@code i} of the list is
     * schema version {@code i+1}; versions already applied are skipped. Append, never edit.
     */
    void migrate(String owner, List<String> statements);

    /** Runs read-only work. */
    <T> T read(Work<T> work);

    /** Runs work in one immediate (write-locked) transaction; an exception rolls it back. */
    <T> T write(Work<T> work);

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
