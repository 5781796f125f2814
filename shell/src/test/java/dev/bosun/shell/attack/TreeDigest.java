package dev.bosun.shell.attack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything under a directory (names, types, owners, modes, link targets, file contents' SHA-256), for
 * the attack tests' "nothing outside the scratch area changed" before/after comparison.
 */
final class TreeDigest {
    private TreeDigest() {
    }

    /** Relative path to a description of the entry; equal maps mean an unchanged tree. Missing root: empty. */
    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Map<String, Object> st = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
                String what = String.format("%o %s:%s", (Integer) st.get("mode"), st.get("uid"), st.get("gid"));
                if (Files.isSymbolicLink(p)) {
                    what += " -> " + Files.readSymbolicLink(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    what += " " + sha256(Files.readAllBytes(p));
                }
                out.put(root.relativize(p).toString(), what);
            }
        }
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
