package dev.bosun.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's ./bosun launcher as a user would, with the distribution this build packaged. */
final class Bosun {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path LAUNCHER = REPO.resolve("bosun");

    record Result(int status, String out, String err) {
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(REPO.toFile());
        pb.environment().put("BOSUN_NO_BUILD", "1");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("bosun-out-", ".txt");
        Path err = Files.createTempFile("bosun-err-", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("bosun " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** A root with account files copied from the host's /etc, for --root runs. */
    static Path scratchRoot() throws IOException {
        Path r = Files.createTempDirectory("bosun-script-root-");
        Files.createDirectories(r.resolve("etc"));
        Files.createDirectories(r.resolve("home"));
        for (String f : List.of("passwd", "group", "shadow", "gshadow", "subuid", "subgid", "login.defs", "shells",
                "os-release")) {
            Path src = Path.of("/etc", f);
            if (Files.exists(src)) {
                Files.copy(src, r.resolve("etc").resolve(f), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.createFile(r.resolve("etc").resolve(f));
            }
        }
        return r;
    }

    static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var w = Files.walk(dir)) {
            for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Path → content hash of every file under the directory, to prove a run changed nothing. */
    static Map<String, Integer> snapshot(Path dir) throws IOException {
        Map<String, Integer> m = new java.util.TreeMap<>();
        try (var w = Files.walk(dir)) {
            for (Path p : w.toList()) {
                m.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? java.util.Arrays.hashCode(Files.readAllBytes(p)) : 0);
            }
        }
        return m;
    }

    private Bosun() {
    }
}
