package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.opentest4j.TestAbortedException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One booted box, held by {@code lab/run --hold}: commands run in it with {@code lab/exec}. Closing it ends
 * lab/run's stdin, which tears the box down; if this JVM dies, the pipe closes and the box goes all the same.
 */
public final class LabBox implements AutoCloseable {
    /** The lab directory: the module's base directory, where lab/run and lab/exec live. */
    static final Path LAB = Path.of("").toAbsolutePath();
    /** lab/run's exit status for "this machine cannot have a box" (not root, no nspawn, no archive). */
    private static final int CANNOT = 3;
    /** A guard against a hung lab/run, not a measurement: the first boot also builds the box (minutes). */
    private static final long BOOT_GUARD_MINUTES = 20;
    private static final long COMMAND_GUARD_SECONDS = 300;

    private final String name;
    private final Process process;
    private final OutputStream control;
    private final BlockingQueue<String> lines;
    private final Path log;

    /** What a command in the box did. */
    public record Result(List<String> command, int status, String out, String err) {
        public boolean ok() {
            return status == 0;
        }

        /** Standard output and error together, for messages and searches. */
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private LabBox(String name, Process process, BlockingQueue<String> lines, Path log) {
        this.name = name;
        this.process = process;
        this.control = process.getOutputStream();
        this.lines = lines;
        this.log = log;
    }

    /**
     * Boots a box named {@code name}. Aborts the caller's tests (a skip with lab/run's reason) when this
     * machine cannot have a box.
     */
    public static LabBox boot(String name) throws IOException, InterruptedException {
        Path log = Files.createTempFile("bosun-lab-" + name + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder(LAB.resolve("run").toString(), "--hold", "--name", name)
                .directory(LAB.toFile())
                .redirectError(log.toFile());
        // The tests run the distribution this build packaged; the box never starts a build of its own.
        pb.environment().put("BOSUN_NO_BUILD", "1");
        Process p = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // lab/run ended; waitReady() sees the process gone
            }
        }, "lab-" + name);
        reader.setDaemon(true);
        reader.start();
        LabBox box = new LabBox(name, p, lines, log);
        box.waitReady();
        return box;
    }

    private void waitReady() throws InterruptedException, IOException {
        String want = "ready " + name;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(BOOT_GUARD_MINUTES);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (want.equals(line)) {
                return;
            }
            if (line == null && !process.isAlive()) {
                int status = process.exitValue();
                String err = Files.readString(log).strip();
                Files.deleteIfExists(log);
                if (status == CANNOT) {
                    throw new TestAbortedException("no lab box on this machine: " + lastLine(err));
                }
                throw new IllegalStateException("lab/run --hold --name " + name + " failed (exit " + status + "):\n" + err);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("box " + name + " did not report ready; lab/run's output:\n" + Files.readString(log));
    }

    private static String lastLine(String text) {
        String[] l = text.split("\n");
        return l[l.length - 1].replaceFirst("^lab: ", "");
    }

    /**
     * The box's /home as the host sees it: a plain directory of the box's scratch copy (lab/README.md), so
     * files written here appear in the box at once (the rest of the box is an overlay, not to be written
     * from outside while mounted).
     */
    public java.nio.file.Path homeOnHost() {
        return Leftovers.SCRATCH.resolve(name).resolve("home");
    }

    /** The box's name (lab/exec NAME reaches it). */
    public String name() {
        return name;
    }

    /** Runs a command as root in the box, in the repository's directory. */
    public Result exec(String... argv) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(LAB.resolve("exec").toString(), name, "--"));
        cmd.addAll(List.of(argv));
        Path out = Files.createTempFile("bosun-lab-out-", ".txt");
        Path err = Files.createTempFile("bosun-lab-err-", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).directory(LAB.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(COMMAND_GUARD_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("in box " + name + ": " + String.join(" ", argv) + " did not finish");
            }
            return new Result(List.of(argv), p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs a command that must succeed; returns its standard output. */
    public String run(String... argv) throws IOException, InterruptedException {
        Result r = exec(argv);
        if (!r.ok()) {
            throw new AssertionError("in box " + name + ": " + r);
        }
        return r.out();
    }

    /** Runs the box's {@code bosun} (the repository's distribution) with these arguments. */
    public Result bosun(String... args) throws IOException, InterruptedException {
        String[] argv = new String[args.length + 1];
        argv[0] = "bosun";
        System.arraycopy(args, 0, argv, 1, args.length);
        return exec(argv);
    }

    /** {@code bosun --json [options] -e EXPR}, which must succeed; its result (checked against docs/json.md's contract). */
    public JsonNode eval(String expr, String... options) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("--json"));
        a.addAll(List.of(options));
        a.add("-e");
        a.add(expr);
        Result r = bosun(a.toArray(String[]::new));
        if (!r.ok()) {
            throw new AssertionError("in box " + name + ": " + r);
        }
        return dev.bosun.shell.render.JsonContract.result(r.out());
    }

    /**
     * Runs a command until its output (stripped) satisfies {@code done}, at most {@code attempts} times a
     * quarter second apart; returns the last result. For states that settle asynchronously (a user manager
     * starting, a service answering); the caller asserts on the state, never on the time it took.
     */
    public Result await(Predicate<Result> done, int attempts, String... argv) throws IOException, InterruptedException {
        Result r = exec(argv);
        for (int i = 1; i < attempts && !done.test(r); i++) {
            Thread.sleep(250);
            r = exec(argv);
        }
        return r;
    }

    /** Reboots the box from inside ({@code systemctl reboot}) and waits until it is up again. */
    public void reboot() throws IOException, InterruptedException {
        control.write("reboot\n".getBytes(StandardCharsets.UTF_8));
        control.flush();
        waitReady();
    }

    /** Tears the box down and checks that nothing of it is left. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            control.close();
        } catch (IOException e) {
            // lab/run is gone already
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new AssertionError("box " + name + " did not tear down at the end of its input; log: " + log);
        }
        Files.deleteIfExists(log);
        List<String> left = Leftovers.now().stream().filter(l -> l.contains(name)).toList();
        if (!left.isEmpty()) {
            throw new AssertionError("box " + name + " left behind: " + left);
        }
    }
}
