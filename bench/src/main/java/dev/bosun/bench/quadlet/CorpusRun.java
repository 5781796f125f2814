package dev.bosun.bench.quadlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.generate.GeneratorInvocation;
import dev.bosun.stdlib.quadlet.generate.LocalSourceFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole Podman quadlet corpus through Bosun's generator in one JVM, the way Podman's e2e harness runs its
 * binary once per case (bench/quadlet.sh times this process against Podman's binary on the same staged cases).
 * <pre>
 *   CorpusRun stage CORPUS MANIFEST WORK   stages case N in WORK/N/quadlet (case file, its drop-in dirs, dependencies)
 *   CorpusRun generate WORK [ROUNDS]       runs every staged case in generator mode into WORK/N/bosun, ROUNDS times
 * </pre>
 * {@code generate} prints the time of the first round (cold, in a fresh JVM) and the median of the later ones.
 */
public final class CorpusRun {
    private CorpusRun() {
    }

    public static void main(String[] args) throws IOException {
        switch (args.length > 0 ? args[0] : "") {
            case "stage" -> stage(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "generate" -> generate(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1);
            default -> {
                System.err.println("usage: CorpusRun stage CORPUS MANIFEST WORK | generate WORK [ROUNDS]");
                System.exit(2);
            }
        }
    }

    private static void stage(Path corpus, Path manifest, Path work) throws IOException {
        int n = 0;
        for (JsonNode c : new ObjectMapper().readTree(manifest.toFile())) {
            Path unitDir = Files.createDirectories(work.resolve(String.format("%03d", n++)).resolve("quadlet"));
            String file = c.get("file").asText();
            for (JsonNode dep : c.get("dependencies")) {
                Files.copy(corpus.resolve(dep.asText()), unitDir.resolve(dep.asText()));
            }
            Files.copy(corpus.resolve(file), unitDir.resolve(file));
            String ext = file.substring(file.lastIndexOf('.'));
            String base = file.substring(0, file.length() - ext.length());
            int at = base.indexOf('@');
            List<String> dropInDirs = at >= 0 && at < base.length() - 1
                    ? List.of(file + ".d", base.substring(0, at) + "@" + ext + ".d") : List.of(file + ".d");
            for (String d : dropInDirs) {
                if (Files.isDirectory(corpus.resolve(d))) {
                    Files.createDirectories(unitDir.resolve(d));
                    try (Stream<Path> s = Files.list(corpus.resolve(d))) {
                        for (Path p : s.toList()) {
                            Files.copy(p, unitDir.resolve(d).resolve(p.getFileName()));
                        }
                    }
                }
            }
        }
        System.out.println(n + " cases staged under " + work);
    }

    private static void generate(Path work, int rounds) throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(work)) {
            cases = s.filter(p -> Files.isDirectory(p.resolve("quadlet"))).sorted().toList();
        }
        long[] times = new long[rounds];
        int failed = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            failed = 0;
            for (Path c : cases) {
                GeneratorInvocation inv = new GeneratorInvocation(false, false, List.of(c.resolve("bosun").toString()),
                        Map.of("QUADLET_UNIT_DIRS", c.resolve("quadlet").toString(), "PODMAN", "/usr/bin/podman"), 0,
                        PodmanVersion.NEWEST, "bosun quadlet generate");
                failed += inv.run(new LocalSourceFiles(), p -> Files.exists(Path.of(p))).exitStatus() == 0 ? 0 : 1;
            }
            times[r] = System.nanoTime() - start;
        }
        long[] later = java.util.Arrays.copyOfRange(times, 1, rounds);
        java.util.Arrays.sort(later);
        System.out.printf("bosun, in-process: %d cases (%d exit 1 as the manifest expects), first round %.1f ms%s%n",
                cases.size(), failed, times[0] / 1e6,
                later.length == 0 ? "" : String.format(", median of %d later rounds %.1f ms (%.3f ms per case)",
                        later.length, later[later.length / 2] / 1e6, later[later.length / 2] / 1e6 / cases.size()));
    }
}
