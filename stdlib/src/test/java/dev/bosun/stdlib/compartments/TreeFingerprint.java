package dev.bosun.stdlib.compartments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Every entry under a root: type, owner, group, mode, and content hash or link target, to compare trees exactly. */
public record TreeFingerprint(Map<String, String> entries) {

    public static TreeFingerprint of(Path root, Predicate<String> ignored) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : w.toList()) {
                String key = "/" + root.relativize(p);
                if (ignored.test(key)) {
                    continue;
                }
                String owner = Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                        + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS) + " "
                        + Integer.toOctalString((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS));
                if (Files.isSymbolicLink(p)) {
                    m.put(key, "link " + Files.readSymbolicLink(p) + " " + owner);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(key, "file " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(p))) + " " + owner);
                } else {
                    m.put(key, (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir " : "other ") + owner);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new TreeFingerprint(m);
    }
}
