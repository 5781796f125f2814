package dev.bosun.bench.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A normalised listing of a root: for every path its type, mode, owner and content hash. Left out: Bosun's
 * state directory (the database differs by timestamps), shadow-utils' backups ({@code etc/passwd-}), writers'
 * temporaries (counted on their own, {@link Temporaries}) and the last-change day of shadow lines, so two
 * runs on different days or with different audit rows compare equal exactly when they left the same tree.
 */
record TreeListing(Map<String, String> entries) {
    static final String STATE_DIR = "var/lib/bosun";

    static TreeListing of(Path root) {
        return of(root, true);
    }

    /**
     * Every path as it is, backups and shadow dates included, for "did this call change anything": only the
     * state database counts by its existence alone (audit rows of a failed call are by design; creating the
     * database for a refused call is not), and its -wal/-shm/-journal not at all (see {@link #stateFiles}).
     */
    static TreeListing exact(Path root) {
        return of(root, false);
    }

    private static TreeListing of(Path root, boolean normalised) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : w.toList()) {
                String rel = root.relativize(p).toString();
                if (rel.isEmpty() || normalised && excluded(rel)) {
                    continue;
                }
                if (!normalised && rel.startsWith(StateDatabase.PATH)) {
                    // The database's own file counts by existence; its -wal/-shm exist while a session has it open.
                    if (rel.equals(StateDatabase.PATH)) {
                        m.put(rel, "exists");
                    }
                    continue;
                }
                m.put(rel, describe(p, normalised && rel.equals("etc/shadow")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return new TreeListing(m);
    }

    /** The state database's files beside it (bosun.db-wal, -shm, -journal), which a dry-run must not leave. */
    static List<String> stateFiles(Path root) {
        List<String> out = new ArrayList<>();
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            if (Files.exists(root.resolve(StateDatabase.PATH + suffix), LinkOption.NOFOLLOW_LINKS)) {
                out.add(StateDatabase.PATH + suffix);
            }
        }
        return out;
    }

    private static boolean excluded(String rel) {
        return Temporaries.isTemporary(rel.substring(rel.lastIndexOf('/') + 1)) || rel.equals(STATE_DIR) || rel.startsWith(STATE_DIR + "/")
                || rel.startsWith("etc/") && rel.indexOf('/', 4) < 0 && rel.endsWith("-");
    }

    private static String describe(Path p, boolean shadowDates) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        String type;
        String content = "";
        if (a.isSymbolicLink()) {
            type = "l";
            content = Files.readSymbolicLink(p).toString();
        } else if (a.isDirectory()) {
            type = "d";
        } else if (a.isRegularFile()) {
            type = "f";
            byte[] bytes = Files.readAllBytes(p);
            if (shadowDates) {
                bytes = withoutLastChange(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            content = sha256(bytes);
        } else {
            type = "o";
        }
        return type + " " + String.format("%04o", mode) + " " + uid + ":" + gid + " " + content;
    }

    /** shadow lines with field 3 (days since the epoch of the last password change) blanked. */
    static String withoutLastChange(String shadow) {
        StringBuilder sb = new StringBuilder();
        for (String line : shadow.split("\n", -1)) {
            String[] f = line.split(":", -1);
            if (f.length >= 3) {
                f[2] = "";
            }
            sb.append(String.join(":", f)).append('\n');
        }
        return sb.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Up to {@code max} one-line differences, {@code +path} only here, {@code -path} only there, {@code ~path} different. */
    List<String> differencesFrom(TreeListing expected, int max) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entries.entrySet()) {
            String mine = entries.get(e.getKey());
            if (mine == null) {
                out.add("-" + e.getKey());
            } else if (!mine.equals(e.getValue())) {
                out.add("~" + e.getKey() + " (" + what(e.getValue(), mine) + ")");
            }
        }
        for (String k : entries.keySet()) {
            if (!expected.entries.containsKey(k)) {
                out.add("+" + k);
            }
        }
        return out.size() > max ? out.subList(0, max) : out;
    }

    private static String what(String expected, String actual) {
        String[] e = expected.split(" ");
        String[] a = actual.split(" ");
        List<String> d = new ArrayList<>();
        String[] names = {"type", "mode", "owner", "content"};
        for (int i = 0; i < names.length; i++) {
            if (!Objects.equals(i < e.length ? e[i] : "", i < a.length ? a[i] : "")) {
                d.add(names[i] + (i == 1 || i == 2 ? " " + e[i] + "->" + a[i] : ""));
            }
        }
        return String.join(", ", d);
    }
}
