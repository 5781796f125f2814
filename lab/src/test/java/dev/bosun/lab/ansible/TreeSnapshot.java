package dev.bosun.lab.ansible;

import java.io.IOException;
import java.io.InputStream;
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
 * Every entry of a directory tree with its type, mode, owner, modification time and content hash (or link
 * target), links never followed: two snapshots are equal exactly when nothing in the tree was created, removed,
 * written or touched in between.
 */
final class TreeSnapshot {
    private TreeSnapshot() {
    }

    static Map<String, String> of(Path root) throws IOException {
        return of(root, true);
    }

    /**
     * Without {@code directoryTimes}, a directory's modification time is left out: it changes when an entry comes
     * and goes, as a shadow-utils lock file does (e.g. etc/subuid.lock while subids.allocate reads under the lock),
     * though nothing in the tree is then different.
     */
    static Map<String, String> of(Path root, boolean directoryTimes) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime,size", LinkOption.NOFOLLOW_LINKS);
                String what;
                if (Files.isSymbolicLink(p)) {
                    what = "link " + Files.readSymbolicLink(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    what = "file " + a.get("size") + " " + sha256(p);
                } else {
                    what = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : "other";
                }
                boolean time = directoryTimes || !what.equals("dir");
                entries.put(root.relativize(p).toString(), what + " mode " + Integer.toOctalString((Integer) a.get("mode"))
                        + " owner " + a.get("uid") + ":" + a.get("gid") + (time ? " mtime " + a.get("lastModifiedTime") : ""));
            }
        }
        return entries;
    }

    /** Fails with the entries that differ (not two whole trees) unless the snapshots are equal. */
    static void assertSame(Map<String, String> before, Map<String, String> after, String message) {
        if (before.equals(after)) {
            return;
        }
        StringBuilder diff = new StringBuilder();
        java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(before.get(k), after.get(k))) {
                diff.append("\n  ").append(k).append(": ").append(before.get(k)).append(" -> ").append(after.get(k));
            }
        }
        throw new AssertionError(message + ":" + diff);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
