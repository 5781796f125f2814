package dev.bosun.shell.attack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bosun command in its own JVM (this build's classes, {@code dev.bosun.shell.cli.Main}), for what an
 * in-process run cannot do: a different environment (XDG_DATA_HOME), or being killed with SIGKILL.
 */
final class ChildBosun {
    record Result(int status, String out, String err) {
    }

    private ChildBosun() {
    }

    static Process start(Map<String, String> env, Path output, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.bosun.shell.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(output.toFile()).redirectError(output.resolveSibling(output.getFileName() + ".err").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    static Result run(Map<String, String> env, Path scratch, String... args) throws IOException, InterruptedException {
        Path out = scratch.resolve("child-" + System.nanoTime() + ".out");
        Process p = start(env, out, args);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bosun " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(out.resolveSibling(out.getFileName() + ".err"), StandardCharsets.UTF_8));
    }
}
