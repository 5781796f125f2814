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
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

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
    private final Fs trackedFs;
    private final Exec trackedExec;
    private final LazyState state;
    private final DeviceProbes devices;
    private final Caller caller;
    private volatile String source;
    private volatile boolean audited = true;
    /** The state database's directory as a host path when it lies under the root, else null. */
    private final String stateDir;

    private LocalHostContext(Path root, boolean dryRun, Path statePath, boolean defaultState, String source) {
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
        this.devices = new DeviceProbes(this.root);
        this.trackedFs = new TrackedFs(fs, plan);
        this.trackedExec = new TrackedExec(exec, plan);
        this.state = new LazyState(StateLocation.of(statePath, this.root, defaultState, caller.euid()),
                dryRun ? scratch.resolve(".bosun-state.db") : null, caller.euid(), plan);
        this.source = source;
        Path dbDir = statePath.toAbsolutePath().normalize().getParent();
        this.stateDir = dbDir != null && dbDir.startsWith(this.root) && !dbDir.equals(this.root)
                ? "/" + this.root.relativize(dbDir) : null;
    }

    /** A context for the given root; {@code statePath} null means the default location for that root and user. */
    public static LocalHostContext open(Path root, boolean dryRun, Path statePath, String source) {
        Path r = root == null ? Path.of("/") : root;
        Path s = statePath != null ? statePath : StatePaths.defaultFor(r.toAbsolutePath().normalize(), Identity.current());
        return new LocalHostContext(r, dryRun, s, statePath == null, source);
    }

    @Override
    public Fs fs() {
        return trackedFs;
    }

    @Override
    public Exec exec() {
        return trackedExec;
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

    /** False after {@link #withoutAudit()}: mutating calls of this session leave no audit row. */
    public boolean audited() {
        return audited;
    }

    /**
     * Makes the state database's directory through the Fs (so it is planned) when it lies under the host root and
     * is missing: the real run right before its first audit row, a dry-run at the same point in its view. The
     * directory is an effect of the apply like any other, and this way a dry-run's plan and a real run's -v list
     * name it alike. Ancestors 0755, the directory itself 0700, as {@link StateLocation} wants them.
     */
    public void prepareStateDirectory() {
        if (stateDir == null || fs.exists(stateDir)) {
            return;
        }
        String parent = stateDir.substring(0, Math.max(1, stateDir.lastIndexOf('/')));
        if (!fs.exists(parent)) {
            fs.mkdirs(parent, 0755, null, null);
        }
        fs.mkdirs(stateDir, 0700, null, null);
    }

    /** Turns the audit trail off for this session ({@code --no-audit}); the front end says so. */
    public void withoutAudit() {
        this.audited = false;
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
     * The state store, opened on first use, where {@link StateLocation} allows it. Under dry-run the real
     * database is never opened by SQLite: its bytes (and its WAL's) are copied into the scratch view, so
     * planned allocations are seen by later steps and nothing, not even a {@code -wal} or {@code -shm}
     * file, appears beside the real database.
     */
    private static final class LazyState implements State {
        private final StateLocation real;
        private final Path copy;
        private final int euid;
        private final RecordingPlan plan;
        private SqliteState delegate;

        LazyState(StateLocation real, Path copy, int euid, RecordingPlan plan) {
            this.real = real;
            this.copy = copy;
            this.euid = euid;
            this.plan = plan;
        }

        private synchronized SqliteState get() {
            if (delegate == null) {
                if (copy == null) {
                    delegate = new SqliteState(real, true);
                } else {
                    Path from = real.prepare(false, false);
                    if (from != null) {
                        snapshot(from, copy);
                        Path wal = from.resolveSibling(from.getFileName() + "-wal");
                        if (Files.exists(wal, LinkOption.NOFOLLOW_LINKS)) {
                            snapshot(wal, copy.resolveSibling(copy.getFileName() + "-wal"));
                        }
                    }
                    delegate = new SqliteState(StateLocation.of(copy, Path.of("/"), false, euid), false);
                }
            }
            return delegate;
        }

        /**
         * Copies bytes without following a link; SQLite recovers a copied WAL into the copy when it opens it.
         * A writer racing the copy can leave it inconsistent; the dry-run then fails and can be run again.
         */
        private static void snapshot(Path from, Path to) {
            try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                 FileChannel out = FileChannel.open(to, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                         LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(StateLocation.permissions(0600)))) {
                long size = in.size();
                for (long pos = 0; pos < size; ) {
                    pos += in.transferTo(pos, size - pos, out);
                }
            } catch (IOException e) {
                throw new BosunException("cannot copy the state database " + from + " for the dry-run: "
                        + StateLocation.describe(e), e);
            }
        }

        @Override
        public Path path() {
            return real.path();
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
            plan.effect(); // a state write is an effect: the audit's intent row comes first
            return plan.tracking(() -> get().write(work)); // a rolled-back write changed nothing
        }

        synchronized void close() {
            if (delegate != null) {
                delegate.close();
            }
        }
    }
}
