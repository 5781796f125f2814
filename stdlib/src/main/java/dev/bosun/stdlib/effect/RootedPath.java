package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Host paths under an alternate root ({@code --root DIR}) resolved the way {@code chroot} would: a
 * symlink inside the root is followed inside the root (an absolute target starts again at DIR, {@code ..}
 * stops at DIR), so a link such as {@code DIR/etc/x -> /etc/shadow} in an image cannot make Bosun read or
 * write the real {@code /etc/shadow}. With the root {@code /} paths are used as they are.
 */
final class RootedPath {
    /** Linux's limit (MAXSYMLINKS). */
    private static final int MAX_LINKS = 40;

    private RootedPath() {
    }

    /**
     * @param root       the host root (absolute, normalised)
     * @param hostPath   an absolute, normalised host path
     * @param followLast also resolve the last component when it is a link (reads, listings); otherwise
     *                   the link itself is meant (lstat, replace, delete)
     */
    static Path resolve(Path root, String hostPath, boolean followLast) {
        String rel = hostPath.substring(1);
        if (root.getNameCount() == 0) {
            return rel.isEmpty() ? root : root.resolve(rel);
        }
        Deque<String> todo = new ArrayDeque<>(segments(rel));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String seg = todo.pollFirst();
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!done.isEmpty()) {
                    done.removeLast();
                }
                continue;
            }
            Path candidate = join(root, done).resolve(seg);
            if ((!todo.isEmpty() || followLast) && Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new BosunException(hostPath + ": too many levels of symbolic links under " + root);
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    throw new BosunException("cannot read the link " + candidate + ": " + e.getMessage(), e);
                }
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> t = segments(target);
                for (int i = t.size() - 1; i >= 0; i--) {
                    todo.addFirst(t.get(i));
                }
                continue;
            }
            done.add(seg);
        }
        return join(root, done);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static Path join(Path root, List<String> segments) {
        return segments.isEmpty() ? root : root.resolve(String.join("/", segments));
    }
}
