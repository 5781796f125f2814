package dev.bosun.dist;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What this module's build made (paths from the pom), and running the tools that look at it. */
final class Built {
    static final Path TREE = Path.of(System.getProperty("bosun.dist.tree"));
    static final Path TARBALL = Path.of(System.getProperty("bosun.dist.tarball"));
    static final Path TARGET = Path.of(System.getProperty("bosun.dist.target"));
    static final boolean AOT = !Boolean.getBoolean("bosun.skipAot");

    private Built() {
    }

    /** What a program printed and how it ended. */
    record Run(int status, String out, String err) {
        boolean ok() {
            return status == 0;
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs argv with exactly this environment (nothing inherited) when {@code env} is not null. */
    static Run run(Map<String, String> env, Path dir, String... argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        if (env != null) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Path out = Files.createTempFile("bosun-dist-out-", ".txt");
        Path err = Files.createTempFile("bosun-dist-err-", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            // A guard against a hung program, not a measurement.
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", argv) + " did not finish");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Run run(String... argv) throws IOException, InterruptedException {
        return run(null, null, argv);
    }

    /** The .deb, which is built only where dpkg-deb is: a skip elsewhere, a failure on CI. */
    static Path debOrSkip() throws IOException {
        List<Path> debs;
        try (Stream<Path> s = Files.list(TARGET)) {
            debs = s.filter(p -> p.getFileName().toString().matches("bosun_.*\\.deb")).toList();
        }
        if (debs.isEmpty()) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("no .deb in " + TARGET + ": the build machine has no dpkg-deb (.ci/run installs dpkg-dev)");
            }
            Assumptions.abort("no .deb in " + TARGET + ": built only where dpkg-deb exists");
        }
        if (debs.size() != 1) {
            throw new AssertionError("more than one .deb in " + TARGET + ": " + debs);
        }
        return debs.getFirst();
    }

    /** A tool the test needs: a skip where it is missing, a failure on CI (.ci/run installs it). */
    static Path toolOrSkip(String path, String pkg) {
        Path tool = Path.of(path);
        if (!Files.isExecutable(tool)) {
            if (System.getenv("CI") != null) {
                throw new AssertionError(path + " is missing (.ci/run installs " + pkg + ")");
            }
            Assumptions.abort(path + " is not installed (apt-get install " + pkg + ")");
        }
        return tool;
    }
}
