package dev.bosun.stdlib.testing;

import dev.bosun.stdlib.effect.LocalHostContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away host root for tests: {@code etc/} seeded from the real {@code /etc} account files (or
 * written by the test), used with {@code --root}/{@code --prefix} so the real host is never touched.
 */
public final class ScratchRoot implements AutoCloseable {
    /** The account files shadow-utils reads and writes, plus what they consult. */
    public static final List<String> ACCOUNT_FILES = List.of("passwd", "group", "shadow", "gshadow", "subuid",
            "subgid", "login.defs", "shells");

    private final Path dir;

    private ScratchRoot(Path dir) {
        this.dir = dir;
    }

    /** An empty root with {@code etc/}. */
    public static ScratchRoot empty() throws IOException {
        Path d = Files.createTempDirectory("bosun-root-");
        Files.createDirectories(d.resolve("etc"));
        return new ScratchRoot(d);
    }

    /** A root whose account files are copies of the host's (missing ones are created empty). */
    public static ScratchRoot fromHostEtc() throws IOException {
        ScratchRoot r = empty();
        for (String f : ACCOUNT_FILES) {
            Path src = Path.of("/etc", f);
            Path dst = r.dir.resolve("etc").resolve(f);
            if (Files.exists(src)) {
                Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.createFile(dst);
            }
        }
        Files.createDirectories(r.dir.resolve("home"));
        return r;
    }

    public Path dir() {
        return dir;
    }

    public Path path(String hostPath) {
        return dir.resolve(hostPath.startsWith("/") ? hostPath.substring(1) : hostPath);
    }

    public void write(String hostPath, String content) throws IOException {
        Path p = path(hostPath);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    public String read(String hostPath) throws IOException {
        return Files.readString(path(hostPath));
    }

    /** A context on this root with its state database inside it. */
    public LocalHostContext context(boolean dryRun) {
        return LocalHostContext.open(dir, dryRun, null, "test");
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("scratch root " + dir + " was not removed");
        }
    }
}
