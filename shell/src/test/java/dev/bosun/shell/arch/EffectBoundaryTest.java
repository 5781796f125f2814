package dev.bosun.shell.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one effect boundary: only the effect layer ({@code dev.bosun.stdlib.effect}) writes or deletes
 * files, starts processes or opens JDBC connections. Modules, the shell and plugins go through
 * {@code HostContext}. Scans the main sources of every module of the repository.
 */
class EffectBoundaryTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\bFiles\\s*\\.\\s*(write\\w*|delete\\w*|create\\w*|move|copy|setPosixFilePermissions|setOwner|setAttribute"
                    + "|newOutputStream|newBufferedWriter)\\s*\\("
                    + "|\\bnew\\s+ProcessBuilder\\b|\\bRuntime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*exec\\b"
                    + "|\\bDriverManager\\b|\\bnew\\s+FileOutputStream\\b|\\bnew\\s+FileWriter\\b|\\bRandomAccessFile\\b");

    /** Shell-owned files that are not host effects: the REPL history and plugin installation into Bosun's own dir. */
    private static final List<String> ALLOWED = List.of(
            "stdlib/src/main/java/dev/bosun/stdlib/effect/",
            "shell/src/main/java/dev/bosun/shell/repl/Repl.java",
            "shell/src/main/java/dev/bosun/shell/plugins/");

    @Test
    void onlyTheEffectLayerTouchesTheHost() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).toList()) {
                String rel = repo.relativize(f).toString();
                if (ALLOWED.stream().anyMatch(rel::startsWith) || rel.startsWith("bench/")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.trim().startsWith("//") || line.trim().startsWith("*")) {
                        continue;
                    }
                    Matcher m = FORBIDDEN.matcher(line);
                    if (m.find()) {
                        violations.add(rel + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "host effects outside the effect layer (use HostContext):\n"
                + String.join("\n", violations));
    }

    @Test
    void theRuleCatchesAViolation() {
        assertTrue(FORBIDDEN.matcher("Files.writeString(p, s);").find());
        assertTrue(FORBIDDEN.matcher("var pb = new ProcessBuilder(argv);").find());
        assertTrue(FORBIDDEN.matcher("Runtime.getRuntime().exec(cmd)").find());
        assertTrue(FORBIDDEN.matcher("DriverManager.getConnection(url)").find());
        assertTrue(FORBIDDEN.matcher("Files.deleteIfExists(p)").find());
        assertTrue(!FORBIDDEN.matcher("Files.readString(p)").find());
    }
}
