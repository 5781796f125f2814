package dev.bosun.stdlib.overlay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test main class in a fresh JVM, optionally behind a wrapper such as
 * {@code unshare -m --propagation private}: a JVM cannot unshare its own mount namespace (it is
 * multi-threaded), so mount tests run their scenario in a child whose namespace dies with it.
 */
public final class ChildJvm {
    /** Exit status, standard output (what the scenario prints) and standard error (for failure messages). */
    public record Result(int exit, String out, String err) {
        public List<String> lines() {
            return out.lines().toList();
        }
    }

    private ChildJvm() {
    }

    public static Process start(List<String> wrapper, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        // Surefire's class path (possibly a manifest-only jar that lists the rest) works for a child too.
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    public static Result finish(Process p) throws IOException, InterruptedException {
        StringBuilder err = new StringBuilder();
        Thread pump = Thread.ofVirtual().start(() -> {
            try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.append(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish: " + out);
        }
        pump.join();
        return new Result(p.exitValue(), out, err.toString());
    }

    public static Result run(List<String> wrapper, Class<?> main, String... args) throws IOException, InterruptedException {
        return finish(start(wrapper, main, args));
    }
}
