package dev.bosun.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's {@code ./bosun} launcher as a user does, with the distribution already built
 * ({@code BOSUN_NO_BUILD=1}). Each run starts in its own session ({@code setsid}), so its process group holds
 * the JVM and every tool it starts (useradd, usermod): a kill can hit the JVM alone or the whole group.
 */
final class Launcher {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Started and not yet awaited: killed (whole group) if the runner itself is stopped. */
    private static final java.util.Set<Run> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path repo;
    private final Path work;

    /** @param work where stdout/stderr of the runs are kept while they run */
    Launcher(Path repo, Path work) {
        this.repo = repo;
        this.work = work;
    }

    Path repo() {
        return repo;
    }

    /** Starts {@code ./bosun ARGS...}; the returned process is its own session and process-group leader. */
    Run start(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("setsid", repo.resolve("bosun").toString()));
        cmd.addAll(args);
        Path out = Files.createTempFile(work, "out-", ".txt");
        Path err = Files.createTempFile(work, "err-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("BOSUN_NO_BUILD", "1");
        Run run = new Run(pb.start(), out, err);
        LIVE.add(run);
        return run;
    }

    /** Kills the process group of every run not yet awaited (for a shutdown hook). */
    static void killAll() {
        for (Run r : LIVE) {
            r.killGroup();
        }
    }

    /** Runs to the end (killing the group after {@code timeoutSeconds}) and returns what it printed. */
    Result run(long timeoutSeconds, List<String> args) throws IOException, InterruptedException {
        Run r = start(args);
        return r.await(timeoutSeconds);
    }

    Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        return run(timeoutSeconds, List.of(args));
    }

    /**
     * The JSON result of {@code bosun --root ROOT --json -e EXPR}: the printed document itself, or its
     * {@code result} when --json prints an envelope {ok, result, ...}.
     */
    JsonNode json(Path root, String expr) throws IOException, InterruptedException {
        Result r = run(120, "--root", root.toString(), "--json", "-e", expr);
        if (!r.ok()) {
            throw new IOException(expr + " failed on " + root + ": " + r.lastErrorLine());
        }
        JsonNode doc = JSON.readTree(r.out());
        return doc.isObject() && doc.has("result") && doc.has("ok") ? doc.path("result") : doc;
    }

    /** What a finished run printed; {@code status} is -1 when it was killed for taking too long. */
    record Result(int status, String out, String err) {
        boolean ok() {
            return status == 0;
        }

        /** The last non-blank line of stderr, for one-line reports. */
        String lastErrorLine() {
            String[] lines = err.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    /** One started launcher process. */
    static final class Run {
        private final Process process;
        private final Path out;
        private final Path err;

        Run(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        long pid() {
            return process.pid();
        }

        /**
         * Waits until stdout holds {@code marker} (polling the file every 5 ms); false when the process ended
         * or the time-out passed first.
         */
        boolean awaitOutput(String marker, long timeoutSeconds) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (System.nanoTime() < deadline) {
                if (Files.readString(out, StandardCharsets.UTF_8).contains(marker)) {
                    return true;
                }
                if (!process.isAlive()) {
                    return Files.readString(out, StandardCharsets.UTF_8).contains(marker);
                }
                Thread.sleep(5);
            }
            return false;
        }

        boolean alive() {
            return process.isAlive();
        }

        /** kill -9 of the JVM alone: the tools it started run on, as after an OOM kill of the JVM. */
        void killJvm() {
            signal(Long.toString(process.pid()));
        }

        /** kill -9 of the whole process group: the JVM and the tools it started, mid-write. */
        void killGroup() {
            signal("-" + process.pid());
        }

        private static void signal(String target) {
            try {
                new ProcessBuilder("kill", "-9", "--", target).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Waits for the launcher and then for every process left in its group (tools orphaned by a kill of the
         * JVM finish their write), killing the group after {@code timeoutSeconds}.
         */
        Result await(long timeoutSeconds) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            boolean drained = ProcessGroups.awaitEmpty(process.pid(), deadline);
            if (!finished || !drained) {
                killGroup();
                process.waitFor(10, TimeUnit.SECONDS);
                ProcessGroups.awaitEmpty(process.pid(), System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
            }
            LIVE.remove(this);
            try {
                return new Result(finished && drained ? process.exitValue() : -1,
                        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }
}
