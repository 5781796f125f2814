package dev.bosun.stdlib.quadlet.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.generate.GeneratorInvocation;
import dev.bosun.stdlib.quadlet.generate.GeneratorLog;
import dev.bosun.stdlib.quadlet.generate.LocalSourceFiles;
import dev.bosun.stdlib.quadlet.unit.UnitFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one manifest case the way Podman's e2e harness does: stage the case file, its drop-in directories
 * and its dependencies in an empty {@code .../podman-e2e-*}/{@code subtest-*}/{@code quadlet/} directory, run
 * the generator in generator mode ({@code [-user] -no-kmsg-log OUTDIR}, environment only
 * {@code QUADLET_UNIT_DIRS} and {@code PODMAN}), check exit status and stderr, require the service file to
 * exist or (with {@code assert-failed}) not to, and evaluate every {@code ##} directive of the case file.
 */
final class CorpusHarness {
    static final String PODMAN = "/usr/bin/podman";

    /** The result of one case: the directives evaluated and what failed (empty = passed). */
    record CaseResult(String file, int directives, List<String> failures) {
        boolean passed() {
            return failures.isEmpty();
        }
    }

    /** What a generator run produced, as the harness sees a process. */
    record Run(int exitStatus, String stderr) {
    }

    /** A generator under test: runs over the unit directory and writes into the output directory. */
    interface Generator {
        Run run(Path unitDir, Path outputDir, boolean user) throws IOException;
    }

    /** Bosun's generator, in-process, through the same invocation as {@code bosun quadlet generate}. */
    static Generator bosun(PodmanVersion version) {
        return (unitDir, outputDir, user) -> {
            GeneratorInvocation inv = new GeneratorInvocation(user, false, List.of(outputDir.toString()),
                    Map.of("QUADLET_UNIT_DIRS", unitDir.toString(), "PODMAN", PODMAN), 0, version, "bosun quadlet generate");
            GeneratorInvocation.Outcome o = inv.run(new LocalSourceFiles(), p -> Files.exists(Path.of(p)));
            return new Run(o.exitStatus(), stderrOf(o.log()));
        };
    }

    /** The log as Podman's generator prints it with {@code -no-kmsg-log} (debug lines only with -v/-dryrun). */
    static String stderrOf(GeneratorLog log) {
        StringBuilder sb = new StringBuilder();
        for (GeneratorLog.Line l : log.lines()) {
            if (l.level() != GeneratorLog.Level.DEBUG) {
                sb.append("quadlet-generator[1]: ").append(l.text()).append('\n');
            }
        }
        if (log.failed()) {
            sb.append("quadlet-generator[1]: processing encountered some errors\n");
        }
        return sb.toString();
    }

    private final Path corpus;
    private final Generator generator;

    CorpusHarness(Path corpus, Generator generator) {
        this.corpus = corpus;
        this.generator = generator;
    }

    /** Stages the case as the harness does: {@code subtest/quadlet/} with the case, its drop-ins and dependencies. */
    Path stage(JsonNode c, Path subtest) throws IOException {
        List<String> deps = new ArrayList<>();
        c.get("dependencies").forEach(d -> deps.add(d.asText()));
        return stage(c.get("file").asText(), deps, subtest);
    }

    Path stage(String file, List<String> dependencies, Path subtest) throws IOException {
        Path quadletDir = subtest.resolve("quadlet");
        Files.createDirectories(quadletDir);
        for (String dep : dependencies) {
            Files.copy(corpus.resolve(dep), quadletDir.resolve(dep));
        }
        Files.copy(corpus.resolve(file), quadletDir.resolve(file));
        List<String> snippetDirs = new ArrayList<>(List.of(file + ".d"));
        String ext = file.substring(file.lastIndexOf('.'));
        String base = file.substring(0, file.length() - ext.length());
        int at = base.indexOf('@');
        if (at >= 0 && at < base.length() - 1) {
            snippetDirs.add(base.substring(0, at) + "@" + ext + ".d");
        }
        for (String d : snippetDirs) {
            if (Files.isDirectory(corpus.resolve(d))) {
                copyTree(corpus.resolve(d), quadletDir.resolve(d));
            }
        }
        return quadletDir;
    }

    CaseResult run(JsonNode c, Path subtest, boolean user) throws IOException {
        String file = c.get("file").asText();
        Path quadletDir = stage(c, subtest);
        Path generatedDir = subtest.resolve("generated");
        Files.createDirectories(generatedDir);
        byte[] data = Files.readAllBytes(corpus.resolve(file));

        Run run = generator.run(quadletDir, generatedDir, user);
        List<String> failures = new ArrayList<>();
        int exit = c.get("exitCode").asInt();
        if (run.exitStatus() != exit) {
            failures.add("exit status " + run.exitStatus() + ", expected " + exit + "; stderr: " + run.stderr().strip());
        }
        String want = c.get("stderrContains").asText();
        if (!run.stderr().contains(want)) {
            failures.add("stderr does not contain [" + want + "]: " + run.stderr().strip());
        }

        String service = (c.get("serviceName").isNull() ? serviceBase(file) : c.get("serviceName").asText()) + ".service";
        List<List<String>> checks = new ArrayList<>();
        boolean expectFail = false;
        for (String line : new String(data, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith("##")) {
                try {
                    List<String> w = DirectiveEvaluator.words(line.substring(2));
                    checks.add(w);
                    expectFail |= w.getFirst().equals("assert-failed");
                } catch (DirectiveEvaluator.EvaluationError e) {
                    failures.add(line + ": " + e.getMessage());
                }
            }
        }
        Path servicePath = generatedDir.resolve(service);
        UnitFile unit = null;
        if (expectFail) {
            if (Files.exists(servicePath)) {
                failures.add(service + " exists although the case is marked assert-failed");
            }
        } else if (!Files.exists(servicePath)) {
            failures.add(service + " was not generated; stderr: " + run.stderr().strip());
        } else {
            unit = UnitFile.parse(Files.readString(servicePath));
        }
        DirectiveEvaluator eval = new DirectiveEvaluator(unit, run.stderr(), generatedDir);
        for (List<String> check : checks) {
            try {
                if (!eval.evaluate(check)) {
                    failures.add("Failed assertion for " + service + ": " + String.join(" ", check));
                }
            } catch (DirectiveEvaluator.EvaluationError e) {
                failures.add(String.join(" ", check) + ": " + e.getMessage());
            }
        }
        return new CaseResult(file, checks.size(), failures);
    }

    /** {@code calcServiceName}: the base name plus the type's suffix. */
    static String serviceBase(String file) {
        String ext = file.substring(file.lastIndexOf('.'));
        String base = file.substring(0, file.length() - ext.length());
        return switch (ext) {
            case ".volume", ".network", ".image", ".build", ".artifact", ".pod" -> base + "-" + ext.substring(1);
            default -> base;
        };
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
