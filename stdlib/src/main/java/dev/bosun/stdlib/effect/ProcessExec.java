package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Command;
import dev.bosun.api.Exec;
import dev.bosun.api.ExecResult;
import dev.bosun.api.Plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands with {@link ProcessBuilder}: a fixed PATH and {@code LC_ALL=C} (tool output is parsed),
 * no inherited variables, a timeout, output captured. Mutating commands are recorded in the plan; a
 * prefixed command (shadow-utils {@code --prefix}) records the diff of the files it changed.
 */
final class ProcessExec implements Exec {
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final ViewFs fs;
    private final Plan plan;
    private final boolean dryRun;
    private final String rootDir;

    ProcessExec(ViewFs fs, Plan plan, boolean dryRun, Path root) {
        this.fs = fs;
        this.plan = plan;
        this.dryRun = dryRun;
        this.rootDir = root.toString();
    }

    @Override
    public boolean available(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        for (String dir : PATH.split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ExecResult run(Command command) {
        // Fail closed before planning: a command that would reach the live system is refused under --root.
        command.requireRunnableUnder(rootDir);
        if (!command.mutating()) {
            return execute(command, command.argv());
        }
        if (command.prefix() == null) {
            plan.record(new Change(Change.Kind.EXEC, command.argv().getFirst(), command.display(), null));
            if (dryRun) {
                return new ExecResult(command.display(), 0, "", "", true);
            }
            return execute(command, command.argv());
        }
        return runPrefixed(command);
    }

    /** Runs a tool that takes a root prefix: on the root, or under dry-run on the scratch view of it. */
    private ExecResult runPrefixed(Command command) {
        List<String> files = command.prefix().files();
        String dir = rootDir;
        if (dryRun) {
            files.forEach(fs::materialize);
            dir = fs.scratch().toString();
        }
        List<String> argv = command.argvFor(dir);
        Map<String, byte[]> before = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> listed = new LinkedHashMap<>();
        for (String f : files) {
            // Directories in the list (e.g. the parent of a home useradd -m creates) are watched for new entries.
            dev.bosun.api.FileStat st = fs.stat(f);
            if (st == null || st.type() == dev.bosun.api.FileStat.Type.FILE) {
                before.put(f, st == null ? null : fs.readBytes(f));
            } else if (st.type() == dev.bosun.api.FileStat.Type.DIRECTORY) {
                listed.put(f, new java.util.HashSet<>(fs.list(f)));
            }
        }
        // The command is shown as it would run on the real root, which is what a user would type.
        plan.record(new Change(Change.Kind.EXEC, command.argv().getFirst(),
                dev.bosun.api.Shell.quote(command.argvFor(rootDir)), null));
        ExecResult result = execute(command, argv);
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            dev.bosun.api.FileStat now = fs.stat(e.getKey());
            byte[] after = now != null && now.type() == dev.bosun.api.FileStat.Type.FILE ? fs.readBytes(e.getKey()) : null;
            String diff = UnifiedDiff.of(e.getKey(), e.getValue(), after);
            if (diff != null) {
                Change.Kind kind = e.getValue() == null ? Change.Kind.CREATE
                        : after == null ? Change.Kind.DELETE : Change.Kind.WRITE;
                plan.record(new Change(kind, e.getKey(), kind + " " + e.getKey() + " (by " + command.argv().getFirst() + ")", diff));
            }
        }
        for (Map.Entry<String, java.util.Set<String>> d : listed.entrySet()) {
            for (String name : fs.list(d.getKey())) {
                if (!d.getValue().contains(name)) {
                    recordCreated(dev.bosun.api.Fs.join(d.getKey(), name), command.argv().getFirst());
                }
            }
        }
        return result;
    }

    /**
     * What a prefixed tool created below a watched directory (e.g. useradd -m's home and its skeleton), read
     * through the view in both modes, so that a dry-run's plan and a real run's -v list are the same entries.
     */
    private void recordCreated(String p, String tool) {
        dev.bosun.api.FileStat st = fs.stat(p);
        if (st == null) {
            return;
        }
        boolean dir = st.type() == dev.bosun.api.FileStat.Type.DIRECTORY;
        plan.record(new Change(dir ? Change.Kind.MKDIR : Change.Kind.CREATE, p, (dir ? "mkdir " : "create ") + p
                + " (by " + tool + ", mode " + st.octalMode() + ", owner " + st.uid() + ":" + st.gid() + ")", null));
        if (dir) {
            for (String name : fs.list(p)) {
                recordCreated(dev.bosun.api.Fs.join(p, name), tool);
            }
        }
    }

    private ExecResult execute(Command command, List<String> argv) {
        String shown = dev.bosun.api.Shell.quote(argv);
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", PATH);
        env.put("LC_ALL", "C");
        env.putAll(command.env());
        if (command.stdin() == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process proc;
        try {
            proc = pb.start();
        } catch (IOException e) {
            throw new BosunException("cannot run " + argv.getFirst() + ": " + (e.getMessage().contains("error=2")
                    ? "program not found on " + PATH : e.getMessage()), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = Thread.ofVirtual().start(() -> pump(proc.getInputStream(), out));
        Thread t2 = Thread.ofVirtual().start(() -> pump(proc.getErrorStream(), err));
        try {
            if (command.stdin() != null) {
                try (OutputStream os = proc.getOutputStream()) {
                    os.write(command.stdin().getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // The program closed its input early; its exit status tells the rest.
                }
            }
            if (!proc.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                proc.destroyForcibly();
                proc.waitFor(5, TimeUnit.SECONDS);
                throw new BosunException(shown + " timed out after " + command.timeout().toSeconds() + " s");
            }
            t1.join();
            t2.join();
        } catch (InterruptedException e) {
            proc.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BosunException(shown + " was interrupted");
        }
        ExecResult r = new ExecResult(shown, proc.exitValue(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), false);
        if (command.check() && !r.ok()) {
            String why = r.stderr().isBlank() ? r.stdout() : r.stderr();
            throw new BosunException(shown + " failed (exit " + r.exitCode() + ")"
                    + (why.isBlank() ? "" : ": " + why.strip()));
        }
        return r;
    }

    private static void pump(InputStream in, ByteArrayOutputStream sink) {
        try (in) {
            in.transferTo(sink);
        } catch (IOException ignored) {
            // The process went away; what was read so far is all there is.
        }
    }
}
