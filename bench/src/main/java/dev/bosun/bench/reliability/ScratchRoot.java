package dev.bosun.bench.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scratch roots for {@code --root}: a template made once from this host's account files (password hashes
 * replaced, so no hash is ever copied to /tmp), its login.defs, useradd defaults, shells and skeleton; each
 * trial works on a copy ({@code cp -a}, which keeps owners and modes) and removes it afterwards.
 */
final class ScratchRoot {
    /** Copied from the host when present, created empty otherwise (shadow-utils expects them to exist). */
    private static final List<String> ACCOUNT_FILES = List.of("passwd", "group", "shadow", "gshadow", "subuid",
            "subgid", "login.defs", "shells", "default/useradd");

    private ScratchRoot() {
    }

    /** Makes {@code dir} (new) a minimal root: etc with the account files and skel, home, var/lib. */
    static Path template(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("etc/default"));
        Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(dir.resolve("var/lib"));
        for (String f : ACCOUNT_FILES) {
            Path src = Path.of("/etc", f);
            Path dst = dir.resolve("etc").resolve(f);
            if (Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
                Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            } else {
                Files.writeString(dst, "");
            }
        }
        withoutHashes(dir.resolve("etc/shadow"), "*");
        withoutHashes(dir.resolve("etc/gshadow"), "!");
        Path skel = Path.of("/etc/skel");
        if (Files.isDirectory(skel, LinkOption.NOFOLLOW_LINKS)) {
            run(List.of("cp", "-a", skel.toString(), dir.resolve("etc").toString()));
        } else {
            Files.createDirectories(dir.resolve("etc/skel"));
        }
        return dir;
    }

    /** A copy of {@code template} at {@code dest} (which must not exist), owners and modes kept. */
    static Path copy(Path template, Path dest) throws IOException {
        run(List.of("cp", "-a", template.toString(), dest.toString()));
        return dest;
    }

    /**
     * Lazily unmounts everything mounted below {@code dir} in this mount namespace, deepest first (an apply-mode
     * overlay.mount of the hostile sweep leaves one), so that the tree can be deleted.
     */
    static void unmountBelow(Path dir) throws IOException {
        String prefix = dir.toAbsolutePath().normalize() + "/";
        List<String> points = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String point = line.split(" ")[4].replace("\\040", " ");
            if (point.startsWith(prefix)) {
                points.add(point);
            }
        }
        points.sort(Comparator.comparingInt(String::length).reversed());
        for (String p : points) {
            run(List.of("umount", "-l", p));
        }
    }

    /** Deletes a tree without following links (Files.walk does not follow them). */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove scratch root " + dir, e);
        }
    }

    /** Replaces the second field of every shadow-format line (the hash) with the placeholder. */
    private static void withoutHashes(Path file, String placeholder) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
            int c1 = line.indexOf(':');
            int c2 = c1 < 0 ? -1 : line.indexOf(':', c1 + 1);
            out.append(c2 < 0 ? line : line.substring(0, c1 + 1) + placeholder + line.substring(c2)).append('\n');
        }
        out.setLength(out.length() - 1);
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    private static void run(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", argv), e);
        }
    }
}
