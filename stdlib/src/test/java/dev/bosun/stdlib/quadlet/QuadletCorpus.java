package dev.bosun.stdlib.quadlet;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Podman's quadlet test corpus, found next to the repository ({@code <repo>/../shared/quadlet-corpus});
 * maven runs tests in the module directory, so both {@code ../shared} and {@code ../../shared} are tried.
 */
final class QuadletCorpus {
    private QuadletCorpus() {
    }

    static Path shared() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            Path s = p.resolve("shared");
            if (Files.isDirectory(s.resolve("quadlet-corpus")) && Files.exists(s.resolve("quadlet-corpus-manifest.json"))) {
                return s;
            }
        }
        Assumptions.abort("the Podman quadlet corpus was not found as shared/quadlet-corpus in a parent of " + cwd);
        return null;
    }

    static Path dir() {
        return shared().resolve("quadlet-corpus");
    }

    static Path manifest() {
        return shared().resolve("quadlet-corpus-manifest.json");
    }

    /** Every unit and drop-in file of the corpus (not NOTICE). */
    static List<Path> files() throws IOException {
        Path d = dir();
        try (Stream<Path> w = Files.walk(d)) {
            return w.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("NOTICE")).sorted().toList();
        }
    }
}
