package dev.bosun.stdlib.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real shadow-utils tools with {@code --prefix} for differential tests (test code only). */
public final class ShadowTool {
    private ShadowTool() {
    }

    /** Exit code, stdout and stderr of one run. */
    public record Result(int rc, String out) {
    }

    public static Result run(Path prefix, String tool, String... args) {
        List<String> argv = new ArrayList<>(List.of(tool, "--prefix", prefix.toString()));
        argv.addAll(List.of(args));
        return exec(argv);
    }

    public static Result exec(List<String> argv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(argv + " timed out");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when the tests can run useradd on a scratch root: root, and shadow-utils installed. */
    public static boolean usable() {
        return "0".equals(exec(List.of("id", "-u")).out().strip())
                && exec(List.of("sh", "-c", "command -v useradd")).rc() == 0;
    }
}
