package dev.bosun.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * quadlet.validate against Podman 5.8.x's own generator on {@link QuadletSweep}'s units, on the host: no box. The
 * binary comes from Debian sid's podman .deb, unpacked by {@code ../shared/tools/quadlet-reference-setup.sh} (which
 * .ci/run runs) into {@code $QUADLET_REFERENCE_DIR}, default {@code ${TMPDIR:-/tmp}/quadlet-oracle}; it runs as
 * {@code QUADLET_UNIT_DIRS=DIR quadlet -user -dryrun} in an otherwise empty environment, and quadlet.validate runs
 * through the repository's bosun (the distribution this build made) with the binary's version as the target.
 * Without the binary the test skips, saying how to fetch it; when {@code CI} is set that is a failure.
 */
class QuadletReferenceGeneratorTest {
    private static final long GUARD_SECONDS = 300;

    @TempDir
    Path tmp;

    @Test
    void validateAgreesWithPodman58sGenerator() throws Exception {
        Path quadlet = binary("sid");
        String version = exec(List.of(quadlet.toString(), "-version"), Map.of(), true, 0)[0].strip();
        Assertions.assertTrue(version.startsWith("5.8."), "the sid generator is Podman 5.8.x, not " + version);

        Map<String, String> units = QuadletSweep.units();
        Path dir = tmp.resolve(QuadletSweep.DIR);
        QuadletSweep.write(units, dir);
        Path script = Files.writeString(tmp.resolve("validate.js"), QuadletSweep.VALIDATE);

        // Exit 1 says some unit failed (stderr says which); more would be a crash.
        String[] gen = exec(List.of(quadlet.toString(), "-user", "-dryrun"),
                Map.of("QUADLET_UNIT_DIRS", dir.toString(), "PODMAN", "/usr/bin/podman"), true, 1);
        String[] bosun = exec(List.of(LabBox.LAB.resolveSibling("bosun").toString(), "run", script.toString(),
                dir.toString(), version), Map.of("BOSUN_NO_BUILD", "1"), false, 0);
        QuadletSweep.Outcome outcome = QuadletSweep.compare(units, gen[0], gen[1],
                new ObjectMapper().readTree(bosun[0]), "podman-" + version);
        System.out.println("quadlet.validate vs Podman " + version + " (" + quadlet + "): " + outcome.compared()
                + " units, " + outcome.agreements() + " agreements, " + outcome.disagreements().size() + " disagreements");
        assertEquals("", String.join("\n", outcome.disagreements()), "quadlet.validate and Podman " + version
                + "'s generator disagree on " + outcome.disagreements().size() + " of " + outcome.compared()
                + " units (units and generator output in target/" + QuadletSweep.DIR + "/podman-" + version + ")");
    }

    /** The suite's generator; a skip with the reason when it is absent, a failure in CI (where .ci/run fetches it). */
    private static Path binary(String suite) {
        String env = System.getenv("QUADLET_REFERENCE_DIR");
        String tmp = System.getenv("TMPDIR");
        Path dir = env != null && !env.isEmpty() ? Path.of(env)
                : Path.of(tmp == null || tmp.isEmpty() ? "/tmp" : tmp, "quadlet-oracle");
        Path bin = dir.resolve(suite).resolve("usr/libexec/podman/quadlet");
        if (!Files.isExecutable(bin)) {
            String reason = "Podman's quadlet generator (" + suite + ") is not at " + bin + ": run "
                    + "../shared/tools/quadlet-reference-setup.sh " + dir;
            if (System.getenv("CI") != null) {
                Assertions.fail(reason + " (CI is set, so this is a failure, not a skip)");
            }
            Assumptions.abort(reason);
        }
        return bin;
    }

    /**
     * Runs a command with {@code env} added to this JVM's environment, or with only {@code env} when {@code clean}
     * (as Podman's own tests run the generator); its stdout and stderr. Fails when it exits with more than
     * {@code maxStatus}.
     */
    private static String[] exec(List<String> argv, Map<String, String> env, boolean clean, int maxStatus)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(LabBox.LAB.toFile());
        if (clean) {
            pb.environment().clear();
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(argv + " did not finish in " + GUARD_SECONDS + " s");
        }
        String[] result = {out, err.join()};
        Assertions.assertTrue(p.exitValue() <= maxStatus, () -> argv + " -> exit " + p.exitValue() + "\n--- stdout\n" + result[0]
                + "--- stderr\n" + result[1]);
        return result;
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
