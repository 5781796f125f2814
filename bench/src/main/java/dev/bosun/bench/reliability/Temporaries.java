package dev.bosun.bench.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files a writer leaves only while it works: shadow-utils' {@code passwd+} (new file) and {@code passwd.<pid>}
 * (lock link source), lock files {@code passwd.lock}, and Bosun's {@code .name.bosun-XXXXXXXX} atomic-write
 * temporaries. After a rerun none may be left: a rerun must clean up what a killed run left.
 */
final class Temporaries {
    private static final Pattern TEMPORARY = Pattern.compile(".+\\+|.+\\.[0-9]+|\\..+\\.bosun-.*|.+\\.lock");

    private Temporaries() {
    }

    /** Whether a file name is one of a writer's temporaries. */
    static boolean isTemporary(String fileName) {
        return TEMPORARY.matcher(fileName).matches();
    }

    /** Every temporary under the root, relative paths, sorted. */
    static List<String> in(Path root) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : w.sorted().toList()) {
                if (p.getFileName() != null && !p.equals(root) && isTemporary(p.getFileName().toString())) {
                    out.add(root.relativize(p).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return out;
    }

    /**
     * Lock files whose holder (the PID written in them, shadow-utils' protocol) is alive: such a lock makes the
     * next writer wait. A lock of a dead PID is stale and every writer may break it; but PIDs are reused, and
     * shadow-utils' {@code kill(pid, 0)} also succeeds for the ID of any live thread, so a stale lock naming one
     * blocks as if held ({@link ProcessGroups#alive}; a zombie not yet reaped does not count).
     */
    static List<String> liveLocks(Path root) {
        List<String> out = new ArrayList<>();
        for (String rel : in(root)) {
            if (!rel.endsWith(".lock")) {
                continue;
            }
            long pid = -1;
            try {
                String s = Files.readString(root.resolve(rel), StandardCharsets.US_ASCII).replace("\0", "").strip();
                pid = s.matches("[0-9]{1,10}") ? Long.parseLong(s) : -1;
            } catch (IOException e) {
                // vanished or unreadable: not a lock anyone waits on
            }
            if (ProcessGroups.alive(pid)) {
                out.add(rel);
            }
        }
        return out;
    }
}
