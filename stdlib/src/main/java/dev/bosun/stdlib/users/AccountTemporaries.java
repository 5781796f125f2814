package dev.bosun.stdlib.users;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a killed writer of the account databases leaves in {@code /etc}, cleaned up at the start of the operations
 * that would have made it (users and groups ensures, every shadow-utils run, sub-ID allocation), through the
 * descriptor-based {@link Fs}, each removal planned as a delete:
 * <ul>
 *   <li>{@code <db>.<pid>}: the lock protocol's PID file (shadow-utils' and Bosun's own), which its writer removes
 *       once it holds or gave up the lock. Removed when the PID is not a live process; a live one's file is its
 *       own business. A reused PID keeps the file until that process ends.</li>
 *   <li>{@code <db>+}: the new content a writer renames over the database, made only while it holds the
 *       database's lock. Removed while Bosun holds that lock itself, so it cannot be anyone's work in progress.</li>
 *   <li>{@code <db>.lock} of a dead PID: taking the lock removes it, as every shadow-utils tool would.</li>
 * </ul>
 * Only those exact names of the six databases, and only regular files; anything else under such a name is left to
 * {@link ShadowPreflight}, which removes links and refuses the rest.
 */
public final class AccountTemporaries {
    private static final Pattern PID_FILE = Pattern.compile("(passwd|shadow|group|gshadow|subuid|subgid)\\.([0-9]{1,10})");
    /** How long to wait for a live holder of a lock before leaving that database's temporaries for later. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private AccountTemporaries() {
    }

    /** Removes the stale temporaries of the given databases (names from {@link ShadowPreflight#DATABASES}). */
    public static void sweep(HostContext ctx, Collection<String> databases) {
        Fs fs = ctx.fs();
        Set<String> names = new HashSet<>(fs.list("/etc"));
        long self = ProcessHandle.current().pid();
        for (String name : List.copyOf(names)) {
            Matcher m = PID_FILE.matcher(name);
            if (!m.matches() || !databases.contains(m.group(1))) {
                continue;
            }
            long pid = Long.parseLong(m.group(2));
            if (pid == self || ProcessHandle.of(pid).isPresent()) {
                continue;
            }
            String path = "/etc/" + name;
            FileStat st = fs.stat(path);
            if (st != null && st.type() == FileStat.Type.FILE) {
                fs.delete(path);
            }
        }
        for (String db : databases) {
            if (!names.contains(db + "+") && !names.contains(db + ".lock")) {
                continue;
            }
            try (Fs.FileLock held = fs.lock("/etc/" + db, LOCK_WAIT)) {
                String plus = "/etc/" + db + "+";
                FileStat st = fs.stat(plus);
                if (st != null && st.type() == FileStat.Type.FILE) {
                    fs.delete(plus);
                }
            } catch (BosunException busy) {
                // A live writer holds the lock: its temporary is work in progress; the next sweep sees it again.
            }
        }
    }
}
