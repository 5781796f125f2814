package dev.bosun.stdlib.quadlet.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real file system, read the way Podman's generator reads it (symlinks followed). For the generator
 * command, which like Podman's runs before anything else (no state, no audit) and only reads here; it
 * writes nothing.
 */
public final class LocalSourceFiles implements SourceFiles {
    @Override
    public String realPath(String path) {
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public Kind kind(String path) {
        Path p = Path.of(path);
        if (Files.isDirectory(p)) {
            return Kind.DIRECTORY;
        }
        if (Files.isRegularFile(p)) {
            return Kind.FILE;
        }
        return Files.exists(p) ? Kind.OTHER : Kind.MISSING;
    }

    @Override
    public List<String> list(String dir) {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return s.map(p -> p.getFileName().toString()).sorted(PodmanArgv.GO_ORDER).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public String read(String path) {
        try {
            return new String(Files.readAllBytes(Path.of(path)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
