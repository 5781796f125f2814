package dev.bosun.stdlib.quadlet;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Podman's quadlet test corpus at {@code ../shared/quadlet-corpus} relative to the repository root (CI runs
 * with {@code shared/} beside the clone). The root is found from the working directory (maven runs tests in
 * the module directory). Without the corpus the tests fail in CI ({@code CI} set) and skip elsewhere.
 */
public final class QuadletCorpus {
    private QuadletCorpus() {
    }

    /** The repository root: the nearest directory up from the working directory with mvnw and .mvn. */
    public static Path repositoryRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and .mvn) above " + cwd);
    }

    /** {@code <root>/../shared}, or the test fails (in CI) or is skipped (elsewhere) with the reason. */
    public static Path shared() {
        Path s = repositoryRoot().resolveSibling("shared").normalize();
        if (Files.isDirectory(s.resolve("quadlet-corpus")) && Files.isRegularFile(s.resolve("quadlet-corpus-manifest.json"))) {
            return s;
        }
        String reason = "the Podman quadlet corpus is missing: expected " + s.resolve("quadlet-corpus") + " and "
                + s.resolve("quadlet-corpus-manifest.json") + " beside the repository";
        if (System.getenv("CI") != null) {
            Assertions.fail(reason + " (CI is set, so this is a failure, not a skip)");
        }
        Assumptions.abort(reason);
        return null;
    }

    public static Path dir() {
        return shared().resolve("quadlet-corpus");
    }

    public static Path manifest() {
        return shared().resolve("quadlet-corpus-manifest.json");
    }

    /** Every unit and drop-in file of the corpus (not NOTICE). */
    public static List<Path> files() throws IOException {
        Path d = dir();
        try (Stream<Path> w = Files.walk(d)) {
            return w.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("NOTICE")).sorted().toList();
        }
    }
}
