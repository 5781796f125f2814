package dev.bosun.stdlib.quadlet.corpus;

import dev.bosun.stdlib.quadlet.PodmanVersion;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Podman's own generator binary, fetched from Debian packages by {@code shared/tools/quadlet-reference-setup.sh}
 * (into {@code $QUADLET_REFERENCE_DIR}, default {@code ${TMPDIR:-/tmp}/quadlet-oracle}): {@code sid/} has 5.8.x,
 * {@code trixie/} 5.4.2. Runs it as Podman's harness does, with only {@code QUADLET_UNIT_DIRS} and {@code PODMAN}
 * in the environment.
 */
record ReferenceGenerator(String suite, Path binary, PodmanVersion version) implements CorpusHarness.Generator {
    static Path dir() {
        String env = System.getenv("QUADLET_REFERENCE_DIR");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        String tmp = System.getenv("TMPDIR");
        return Path.of(tmp == null || tmp.isEmpty() ? "/tmp" : tmp, "quadlet-oracle");
    }

    /** The suite's binary; skipped with the reason when it is absent (a failure in CI, where .ci/run fetches it). */
    static ReferenceGenerator of(String suite) {
        Path bin = dir().resolve(suite).resolve("usr/libexec/podman/quadlet");
        if (!Files.isExecutable(bin)) {
            String reason = "Podman's quadlet generator (" + suite + ") is not at " + bin + ": run "
                    + "../shared/tools/quadlet-reference-setup.sh " + dir();
            if (System.getenv("CI") != null) {
                Assertions.fail(reason + " (CI is set, so this is a failure, not a skip)");
            }
            Assumptions.abort(reason);
        }
        try {
            Process p = new ProcessBuilder(bin.toString(), "-version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(30, TimeUnit.SECONDS);
            return new ReferenceGenerator(suite, bin, PodmanVersion.parse("quadlet -version", v));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + bin + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public CorpusHarness.Run run(Path unitDir, Path outputDir, boolean user) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString()));
        if (user) {
            cmd.add("-user");
        }
        cmd.addAll(List.of("-no-kmsg-log", outputDir.toString()));
        return exec(cmd, unitDir);
    }

    /** {@code -dryrun}: stdout as the run's text. */
    String dryRun(Path unitDir, boolean user) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-dryrun"));
        if (user) {
            cmd.add("-user");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("QUADLET_UNIT_DIRS", unitDir.toString());
        pb.environment().put("PODMAN", CorpusHarness.PODMAN);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        waitFor(p);
        return out;
    }

    private static CorpusHarness.Run exec(List<String> cmd, Path unitDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("QUADLET_UNIT_DIRS", unitDir.toString());
        pb.environment().put("PODMAN", CorpusHarness.PODMAN);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CorpusHarness.Run(waitFor(p), err);
    }

    private static int waitFor(Process p) throws IOException {
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the reference generator did not finish in 60 s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
