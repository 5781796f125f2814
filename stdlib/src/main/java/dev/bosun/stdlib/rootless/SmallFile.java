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

    static SmallFile read(Fs fs, String path) {
        FileStat st;
        try {
            st = fs.stat(path);
        } catch (BosunException e) {
            return new SmallFile(null, path + ": " + e.getMessage());
        }
        if (st == null) {
            return new SmallFile(null, null);
        }
        if (st.type() != FileStat.Type.FILE) {
            return new SmallFile(null, path + " is a " + st.type() + ", not a regular file");
        }
        if (st.size() > MAX_BYTES) {
            return new SmallFile(null, path + " has " + st.size() + " bytes, more than the " + MAX_BYTES + " read");
        }
        try {
            byte[] bytes = fs.readBytes(path);
            if (bytes.length > MAX_BYTES) {
                return new SmallFile(null, path + " grew past " + MAX_BYTES + " bytes while it was read");
            }
            return new SmallFile(new String(bytes, StandardCharsets.UTF_8), null);
        } catch (BosunException e) {
            return new SmallFile(null, path + ": " + e.getMessage());
        }
    }

    boolean present() {
        return text != null;
    }

    /** The first line, trimmed: how sysctl and cgroup files hold one value. */
    String value() {
        return text == null ? null : text.strip().lines().findFirst().orElse("");
    }
}
