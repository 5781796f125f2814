package dev.bosun.bench.reliability;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Part 3, the runner's side: starts {@link HostileSweepWorker} in a private mount and network namespace in which
 * / is read-only except the runner's work directory, and /run is an empty tmpfs (no systemd bus, no netns
 * handles): apply-mode calls with valid samples really run (useradd --prefix, mount, ip), and one that escaped
 * the root could change nothing outside it. Then adds the worker's figures to the table.
 */
final class HostileSweep {
    private static final String GUARD = "set -e; mount --bind \"$0\" \"$0\"; mount -t tmpfs -o mode=0755 tmpfs /run; "
            + "mount -o remount,bind,ro /; exec \"$@\"";

    private final Path repo;
    private final Path template;
    private final Path work;
    private final Figures figures;
    private final PrintStream log;

    HostileSweep(Path repo, Path template, Path work, Figures figures, PrintStream log) {
        this.repo = repo;
        this.template = template;
        this.work = work;
        this.figures = figures;
        this.log = log;
    }

    void run(int budget, long seed, int examples) throws IOException, InterruptedException {
        if (budget <= 0) {
            return;
        }
        Files.createDirectories(work.resolve("tmp"));
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--net", "--propagation", "private", "--",
                "/bin/sh", "-c", GUARD, work.toString()));
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + work.resolve("tmp"), "-cp", classPath(),
                HostileSweepWorker.class.getName(), "--template", template.toString(), "--work", work.toString(),
                "--budget", Integer.toString(budget), "--seed", Long.toString(seed),
                "--examples", Integer.toString(examples), "--plugins", pluginDirs()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Map<Figure, Long> counts = new EnumMap<>(Figure.class);
        Map<Figure, List<String>> found = new EnumMap<>(Figure.class);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(" ", 3);
                switch (f[0]) {
                    case "COUNT" -> counts.put(Figure.valueOf(f[1]), Long.parseLong(f[2]));
                    case "EXAMPLE" -> found.computeIfAbsent(Figure.valueOf(f[1]), k -> new ArrayList<>()).add(f[2]);
                    case "NOTE" -> log.println("hostile sweep: " + line.substring(5));
                    default -> log.println("hostile sweep: " + line);
                }
            }
        }
        if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the hostile sweep's worker failed (exit " + (p.isAlive() ? "none" : p.exitValue())
                    + "); its errors are above");
        }
        for (Map.Entry<Figure, Long> e : counts.entrySet()) {
            figures.merge(e.getKey(), e.getValue(), found.getOrDefault(e.getKey(), List.of()));
        }
    }

    /** The bench module's jar and libraries as bench/lib.sh builds them; else this JVM's class path. */
    private String classPath() {
        Path jar = repo.resolve("bench/target/bosun-bench.jar");
        Path lib = repo.resolve("bench/target/lib");
        if (Files.isRegularFile(jar) && Files.isDirectory(lib)) {
            return jar + File.pathSeparator + lib + "/*";
        }
        return System.getProperty("java.class.path");
    }

    /** The example plugins as the launcher finds them in a source tree: plugins/X/target/plugin. */
    private String pluginDirs() throws IOException {
        List<String> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(repo.resolve("plugins"))) {
            for (Path d : ds) {
                if (Files.isDirectory(d.resolve("target/plugin"))) {
                    dirs.add(d.resolve("target/plugin").toString());
                }
            }
        }
        dirs.sort(null);
        if (dirs.isEmpty()) {
            log.println("hostile sweep: warning: no plugins/*/target/plugin: plugin modules are not swept (build them "
                    + "with ./mvnw -o -B -q package -Dbosun.skipAot=true)");
        }
        return String.join(":", dirs);
    }
}
