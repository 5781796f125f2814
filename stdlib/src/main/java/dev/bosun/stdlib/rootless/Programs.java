package dev.bosun.stdlib.rootless;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Programs found the way Podman and systemd find them, but in the checked root's files: the directories of the
 * system PATH, read through {@link Fs} so that {@code --root DIR} looks in DIR. Links are followed inside the root
 * (Debian's alternatives and {@code usrmerge} links), a few hops at most.
 */
final class Programs {
    /** The PATH systemd gives services (and Bosun's commands run with), in its order. */
    static final List<String> PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private static final int MAX_LINKS = 8;

    /**
     * A program file: where it was found, the file the links lead to, and that file's metadata.
     *
     * @param path   where it was found ({@code /usr/bin/crun})
     * @param target the regular file after links ({@code /usr/libexec/podman/quadlet}), same as path without links
     * @param stat   the target's metadata
     */
    record Found(String path, String target, FileStat stat) {
        boolean executable() {
            return (stat.mode() & 0111) != 0;
        }
    }

    private final Fs fs;

    Programs(Fs fs) {
        this.fs = fs;
    }

    /** The first executable regular file named {@code name} on the PATH, or null. */
    Found find(String name) {
        for (String dir : PATH) {
            Found f = at(Fs.join(dir, name));
            if (f != null && f.executable()) {
                return f;
            }
        }
        return null;
    }

    /** The regular file at a path after following its links inside the root, or null when there is none. */
    Found at(String path) {
        String current = path;
        for (int hop = 0; hop <= MAX_LINKS; hop++) {
            FileStat st;
            try {
                st = fs.stat(current);
            } catch (BosunException e) {
                return null;
            }
            if (st == null) {
                return null;
            }
            if (st.type() == FileStat.Type.FILE) {
                return new Found(path, current, st);
            }
            if (st.type() != FileStat.Type.SYMLINK || st.linkTarget() == null) {
                return null;
            }
            current = resolveLink(current, st.linkTarget());
        }
        return null;
    }

    /** A link target as a host path: absolute targets are the root's, relative ones are taken from the link's directory. */
    static String resolveLink(String link, String target) {
        String base = target.startsWith("/") ? target : link.substring(0, link.lastIndexOf('/') + 1) + target;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : base.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
