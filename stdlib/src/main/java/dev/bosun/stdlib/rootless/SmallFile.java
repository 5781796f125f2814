package dev.bosun.stdlib.rootless;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;

import java.nio.charset.StandardCharsets;

/**
 * A small text file the preflight reads: a configuration file, a sysctl, a cgroup file. Some of them live in the
 * checked user's home, which that user controls, so a read must not hang (a FIFO), exhaust memory (a huge file) or
 * reach another owner's file (a link; the effect layer refuses that step): each of these becomes a finding's
 * detail instead of an exception, and the check goes on.
 *
 * @param text    the content, or null
 * @param problem why it could not be read (absent files have neither text nor problem)
 */
record SmallFile(String text, String problem) {
    /** Larger than any containers.conf, unit or sysctl file has reason to be. */
    static final long MAX_BYTES = 1 << 20;

    /** Links a file may go through before it is read, as many as {@link Programs} follows. */
    private static final int MAX_LINKS = 8;

    static SmallFile read(Fs fs, String path) {
        FileStat st;
        try {
            st = target(fs, path);
        } catch (BosunException e) {
            return new SmallFile(null, path + ": " + e.getMessage());
        }
        if (st == null) {
            return new SmallFile(null, null);
        }
        if (st.type() != FileStat.Type.FILE) {
            return new SmallFile(null, path + " is " + (st.type() == FileStat.Type.SYMLINK ? "a chain of more than "
                    + MAX_LINKS + " links" : "a " + st.type()) + ", not a regular file");
        }
        if (st.size() > MAX_BYTES) {
            return new SmallFile(null, path + " has " + st.size() + " bytes, more than the " + MAX_BYTES + " read");
        }
        try {
            // Read by the name given: the effect layer follows its links itself and refuses a step from a user's
            // directory or link to another owner's file (CHASE_SAFE); target() only looked at type and size first.
            byte[] bytes = fs.readBytes(path);
            if (bytes.length > MAX_BYTES) {
                return new SmallFile(null, path + " grew past " + MAX_BYTES + " bytes while it was read");
            }
            return new SmallFile(new String(bytes, StandardCharsets.UTF_8), null);
        } catch (BosunException e) {
            return new SmallFile(null, path + ": " + e.getMessage());
        }
    }

    /**
     * The metadata of what the path leads to: links followed inside the root (a user may keep containers.conf in a
     * dotfiles directory), null when nothing is there; a chain too long stays a symlink.
     */
    private static FileStat target(Fs fs, String path) {
        String current = path;
        FileStat st = fs.stat(current);
        for (int hop = 0; hop < MAX_LINKS && st != null && st.type() == FileStat.Type.SYMLINK && st.linkTarget() != null; hop++) {
            current = Programs.resolveLink(current, st.linkTarget());
            st = fs.stat(current);
        }
        return st;
    }

    boolean present() {
        return text != null;
    }

    /** The first line, trimmed: how sysctl and cgroup files hold one value. */
    String value() {
        return text == null ? null : text.strip().lines().findFirst().orElse("");
    }
}
