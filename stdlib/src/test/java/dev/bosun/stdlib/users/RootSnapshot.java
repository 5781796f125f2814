package dev.bosun.stdlib.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every path under a root with its content (files) or kind, to prove an operation changed nothing. */
public record RootSnapshot(Map<String, String> entries) {

    public static RootSnapshot of(Path root) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : w.toList()) {
                String key = "/" + root.relativize(p);
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(key, Arrays.toString(Files.readAllBytes(p)) + " mode " + Files.getAttribute(p, "unix:mode"));
                } else {
                    m.put(key, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : "other");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RootSnapshot(m);
    }
}
