package dev.bosun.stdlib.effect;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden name Bosun gives a file or directory it creates before renaming it into place:
 * {@code .NAME.bosun-<pid>-<8 hex digits>}. The PID is the writer's, so a temporary a killed writer left can be
 * told from one a live writer is still filling ({@link StaleTemporaries}). Versions before this one wrote
 * {@code .NAME.bosun-<8 hex digits>}, without the PID.
 */
final class TempName {
    private static final Pattern FORMAT = Pattern.compile("\\.(.+)\\.bosun-(?:([0-9]{1,10})-)?[0-9a-f]{8}");
    /** {@link #writerPid} of a temporary named in the old format, which carries no PID. */
    static final long NO_PID = -1;

    private TempName() {
    }

    /** A fresh temporary name beside {@code base}, carrying this process's PID. */
    static String next(String base) {
        return "." + base + ".bosun-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /**
     * The PID of the writer of {@code name} if it is exactly a Bosun temporary of {@code base} ({@link #NO_PID} for
     * the old format), or null when it is not one.
     */
    static Long writerPid(String name, String base) {
        Matcher m = FORMAT.matcher(name);
        if (!m.matches() || !m.group(1).equals(base)) {
            return null;
        }
        return m.group(2) == null ? NO_PID : Long.parseLong(m.group(2));
    }

    /** The name a temporary stands in for, or null when {@code name} is not a Bosun temporary. */
    static String baseOf(String name) {
        Matcher m = FORMAT.matcher(name);
        return m.matches() ? m.group(1) : null;
    }
}
