package dev.bosun.stdlib.attack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Victims of the path attacks and their fingerprints: every entry below a path (not following links)
 * with its type, mode, owner and the SHA-256 of its content or the text of its link. Equal fingerprints
 * before and after an attack mean nothing there was read-modified, chmod'ed, chown'ed, added or removed.
 */
final class PathVictims {
    static final int NOBODY = 65534;

    private PathVictims() {
    }

    /** The fingerprint of a file or of a whole directory tree. */
    static String fingerprint(Path top) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> w = Files.walk(top)) {
            for (Path p : w.sorted().toList()) {
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
                sb.append(top.relativize(p)).append(' ').append(Integer.toOctalString((Integer) a.get("mode")))
                        .append(' ').append(a.get("uid")).append(':').append(a.get("gid")).append(' ');
                if (Files.isSymbolicLink(p)) {
                    sb.append("-> ").append(Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    sb.append(sha256(Files.readAllBytes(p)));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** A root-owned directory with a root-only secret in it: what an attacker would like Bosun to write. */
    static Path victimDir(Path parent) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("victim"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "root:$6$only-root-reads-this:19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        return dir;
    }

    /** A scratch directory in /tmp that uid 65534 can traverse (the live-root analogue of /home). */
    static Path base(String prefix) throws IOException {
        Path base = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        return base;
    }

    /** A directory owned by uid 65534 (its owner is the attacker). */
    static Path userDir(Path p) throws IOException {
        Files.createDirectories(p);
        chown(p);
        return p;
    }

    /** Gives an entry (a link itself, not its target) to uid 65534. */
    static Path chown(Path p) throws IOException {
        Files.setAttribute(p, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
        return p;
    }

    /** Removes a scratch tree without following links. */
    static void remove(Path top) throws IOException {
        if (top == null || !Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> w = Files.walk(top)) {
            List<Path> all = w.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
