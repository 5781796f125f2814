package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.Caller;
import dev.bosun.api.Devices;
import dev.bosun.api.Exec;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.api.Plan;
import dev.bosun.api.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The effect layer: the {@link HostContext} of one session (a REPL, a script run, a test). It owns
 * the dry-run scratch view and the state database connection; close it when the session ends.
 */
public final class LocalHostContext implements HostContext, AutoCloseable {
    private final Path root;
    private final boolean dryRun;
    private final Path scratch;
    private final RecordingPlan plan = new RecordingPlan();
    private final ViewFs fs;
    private final ProcessExec exec;
    private final LazyState state;
    private final DeviceProbes devices;
    private final Caller caller;
    private volatile String source;

    private LocalHostContext(Path root, boolean dryRun, Path statePath, String source) {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.root)) {
            throw new BosunException("root " + this.root + " is not a directory");
        }
        this.dryRun = dryRun;
        try {
            this.scratch = dryRun ? Files.createTempDirectory("bosun-dry-run-") : null;
        } catch (IOException e) {
            throw new BosunException("cannot create the dry-run scratch directory: " + e.getMessage(), e);
        }
        this.caller = Identity.current();
        this.fs = new ViewFs(this.root, scratch, plan, caller.euid());
        this.exec = new ProcessExec(fs, plan, dryRun, this.root);
        this.state = new LazyState(statePath, dryRun ? scratch.resolve(".bosun-state.db") : null);
        this.devices = new DeviceProbes(this.root);
        this.source = source;
    }

    /** A context for the given root; {@code statePath} null means the default location for that root and user. */
    public static LocalHostContext open(Path root, boolean dryRun, Path statePath, String source) {
        Path r = root == null ? Path.of("/") : root;
        Path s = statePath != null ? statePath : StatePaths.defaultFor(r.toAbsolutePath().normalize(), Identity.current());
        return new LocalHostContext(r, dryRun, s, source);
    }

    @Override
    public Fs fs() {
        return fs;
    }

    @Override
    public Exec exec() {
        return exec;
    }

    @Override
    public RecordingPlan plan() {
        return plan;
    }

    @Override
    public Devices devices() {
        return devices;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public String source() {
        return source;
    }

    /** Sets where calls come from, for the audit trail. */
    public void source(String s) {
        this.source = s;
    }

    @Override
    public void close() {
        try {
            state.close();
        } finally {
            fs.close();
            if (scratch != null) {
                try {
                    TreeDelete.deleteOwn(scratch);
                } catch (RuntimeException e) {
                    // A leftover temp dir is untidy but harmless; the session result matters more.
                }
            }
        }
    }

    /**
     * The state store, opened on first use. Under dry-run the real database is copied (never
     * created or written) into the scratch view first, so planned allocations are seen by later steps.
     */
    private static final class LazyState implements State {
        private final Path real;
        private final Path copy;
        private SqliteState delegate;

        LazyState(Path real, Path copy) {
            this.real = real;
            this.copy = copy;
        }

        private synchronized SqliteState get() {
            if (delegate == null) {
                if (copy != null && Files.exists(real)) {
                    snapshot(real, copy);
                }
                delegate = new SqliteState(copy != null ? copy : real);
            }
            return delegate;
        }

        private static void snapshot(Path from, Path to) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + from + "?mode=ro");
                 Statement st = c.createStatement()) {
                st.execute("VACUUM INTO '" + to.toString().replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new BosunException("cannot copy the state database " + from + " for the dry-run: " + e.getMessage(), e);
            }
        }

        @Override
        public Path path() {
            return real;
        }

        @Override
        public void migrate(String owner, List<String> statements) {
            get().migrate(owner, statements);
        }

        @Override
        public <T> T read(Work<T> work) {
            return get().read(work);
        }

        @Override
        public <T> T write(Work<T> work) {
            return get().write(work);
        }

        synchronized void close() {
            if (delegate != null) {
                delegate.close();
            }
        }
    }
}
