package dev.bosun.stdlib.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files outside the scratch root that an attack tries to reach: created in their own temp directory,
 * fingerprinted (content hash, mode, owner, link target) so a test can prove that nothing there changed.
 */
final class VictimDir implements AutoCloseable {
    private final Path dir;

    private VictimDir(Path dir) {
        this.dir = dir;
    }

    /** A victim directory with a few root-only files and an empty directory an attacker would like to fill. */
    static VictimDir create() throws IOException {
        VictimDir v = new VictimDir(Files.createTempDirectory("bosun-victim-"));
        v.file("passwd.txt", "victim passwd: must stay as it is\n");
        v.file("shadow.txt", "victim shadow: must stay as it is\n");
        v.file("group.txt", "victim group: must stay as it is\n");
        Files.createDirectory(v.dir.resolve("outside-home"));
        Files.writeString(v.dir.resolve("outside-home/keep"), "keep\n");
        return v;
    }

    Path dir() {
        return dir;
    }

    Path path(String name) {
        return dir.resolve(name);
    }

    /** A 0600 file only root may read: what an attacker wants overwritten, truncated, chmod-ed or read. */
    Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    /** Every entry with its type, mode, owner and content hash or link target; never follows a link. */
    Map<String, String> fingerprint() {
        return fingerprint(dir);
    }

    /** As {@link #fingerprint()}, of any tree (e.g. a scratch root a dry-run must leave as it was). */
    static Map<String, String> fingerprint(Path top) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> w = Files.walk(top)) {
            for (Path p : w.toList()) {
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
                String what = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file " + sha256(Files.readAllBytes(p))
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : "special";
                // The mode word carries the file type too (a device, a FIFO), so no kind is lost.
                m.put("/" + top.relativize(p), what + " mode " + Integer.toOctalString((Integer) a.get("mode"))
                        + " owner " + a.get("uid") + ":" + a.get("gid"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
