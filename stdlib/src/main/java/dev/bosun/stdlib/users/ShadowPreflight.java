package dev.bosun.stdlib.users;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.HostContext;
import dev.bosun.api.InvalidValueException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold before shadow-utils touches the account files of a root that is not the live system
 * ({@code --root DIR}, an untrusted image). Bosun's own writes there (sub-ID ranges, locks) go through the
 * file layer's descriptors and need no such check; the tools open paths by name. shadow-utils with {@code --prefix}
 * opens every path by its string: it follows a symlink anywhere (its {@code <file>+} temp, {@code <file>-}
 * backup, {@code <file>.<pid>} lock temp, the home it creates, the skeleton it copies), truncates
 * whatever a hard link points at and {@code rename}s onto the target of a symlinked database. So the paths
 * it will touch are checked first, without following anything:
 *
 * <ul>
 *   <li>no component of any of them is a symbolic link;</li>
 *   <li>the files it writes or reads have exactly one name (a second hard link could be a file outside the
 *       root on the same file system);</li>
 *   <li>every directory on them belongs to root (or to the invoking user) and is not group- or
 *       world-writable, so nobody else can plant a link between this check and the tool's run: that is what
 *       makes the check hold while the tool runs (the mail spool directory may be group-writable: useradd
 *       creates the spool with {@code O_CREAT|O_EXCL} and sets owner and mode on the descriptor);</li>
 *   <li>stale temporaries that are symbolic links are removed without following them (recorded in the
 *       plan); anything else that breaks a rule is refused with one line naming the path and the rule.</li>
 * </ul>
 *
 * On the live root ({@code /}) nothing is checked: there {@code /etc} is the host's own configuration.
 * The checks use lstat on paths below the root (java.nio with {@code NOFOLLOW_LINKS}); they belong on the
 * file layer's descriptor resolver once it has one.
 */
public final class ShadowPreflight {
    /** The databases shadow-utils writes, each with its {@code -} backup, {@code +} temp, {@code .lock} and {@code .<pid>}. */
    public static final List<String> DATABASES = List.of("passwd", "shadow", "group", "gshadow", "subuid", "subgid");

    private static final Pattern TEMPORARY = Pattern.compile("(passwd|shadow|group|gshadow|subuid|subgid)(\\+|\\.[0-9]{1,10})");
    private static final int MAX_ETC_ENTRIES = 100_000;
    private static final int MAX_SKELETON_ENTRIES = 10_000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    /** Where shadow-utils looks for its hooks on the live host (lib/run_part.c callers; no prefix applies). */
    static final Path HOST_HOOKS = Path.of("/etc/shadow-maint");

    private final HostContext ctx;
    private final Path root;
    private final boolean live;
    private final Path hooks;

    ShadowPreflight(HostContext ctx, Path hooks) {
        this.ctx = ctx;
        this.root = ctx.root();
        this.live = ctx.liveRoot();
        this.hooks = hooks;
    }

    /**
     * The pre-flight of one call. Its messages do not name the operation: the front end that called it
     * (the JS bridge, a CLI subcommand) puts the operation's name before them.
     */
    public static ShadowPreflight of(HostContext ctx) {
        return new ShadowPreflight(ctx, HOST_HOOKS);
    }

    /**
     * The account databases among {@link #DATABASES}: {@code /etc} is a safe directory; each database and
     * its {@code -} backup is a single-named regular file when present; its {@code .lock} is not a link; its
     * temporaries ({@code +}, {@code .<pid>}) that are symbolic links are removed, others that could carry a
     * write out of the root are refused. It removes, so it is the last check of a call: every refusal
     * comes before any change.
     */
    public ShadowPreflight accountFiles(Collection<String> databases) {
        if (live) {
            return this;
        }
        if (!chain("/etc", false)) {
            return this;
        }
        for (String db : databases) {
            if (!DATABASES.contains(db)) {
                throw new IllegalArgumentException("not an account database: " + db);
            }
            singleFile("/etc/" + db, "the account tools rewrite it");
            singleFile("/etc/" + db + "-", "the account tools rewrite their backup through it");
        }
        List<Entry> temporaries = new ArrayList<>();
        Map<String, Entry> locks = new HashMap<>();
        scanEtc(databases, temporaries, locks);
        // Removals wait until every rule has passed: a refused call changes nothing.
        List<Entry> stale = new ArrayList<>();
        for (Entry lock : locks.values()) {
            if (lock.isLink()) {
                // A lock is never legitimately a link: no holder to disturb, and the tools would read through it.
                stale.add(lock);
            } else if (!lock.isRegular()) {
                throw refuse(lock.host + " is " + lock.kind() + ", not a lock file (rule: a lock is a regular file)");
            } else if (lock.nlink > 1 && !heldBy(lock, temporaries)) {
                throw refuse(lock.host + " has " + lock.nlink + " hard links; the account tools would read it as a lock "
                        + "(rule: the files they touch have exactly one name)");
            }
        }
        for (Entry t : temporaries) {
            if (t.isLink()) {
                // Never a live tool's own file (those are regular files), so removing it disturbs nobody.
                stale.add(t);
            } else if (!t.isRegular()) {
                throw refuse(t.host + " is " + t.kind() + "; the account tools create it as a file (rule: their "
                        + "temporaries are regular files or absent)");
            } else if (t.nlink > 1 && !heldBy(locks.get(t.database), List.of(t))) {
                throw refuse(t.host + " has " + t.nlink + " hard links; the account tools would truncate and rewrite "
                        + "a file that may lie outside the root (rule: the files they write have exactly one name)");
            }
        }
        for (Entry e : stale) {
            // Fs.delete removes the entry itself (never its target) and records the deletion in the plan.
            ctx.fs().delete(e.host);
        }
        return this;
    }

    /** A configuration file the tools read ({@code login.defs}, {@code default/useradd}): no link, one name. */
    public ShadowPreflight readable(String hostPath) {
        if (live) {
            return this;
        }
        if (chain(parent(hostPath), false)) {
            singleFile(hostPath, "the account tools read it");
        }
        return this;
    }

    /**
     * A home directory useradd creates: every existing directory above it is safe, and the home itself,
     * when it exists, is not a symbolic link (useradd would chown and fill its target).
     */
    public ShadowPreflight home(String home) {
        if (live) {
            return this;
        }
        if (chain(parent(home), false)) {
            Entry e = lstat(home);
            if (e != null && e.isLink()) {
                throw refuse(home + " is a symbolic link (to " + Check.quote(e.target()) + "); useradd -m would create "
                        + "and chown the home through it (rule: no symbolic link on a path the account tools touch)");
            }
        }
        return this;
    }

    /** The mail spool directory useradd creates the spool in: safe up to it; it may be group-writable (see class doc). */
    public ShadowPreflight mailSpool(String dir) {
        if (!live) {
            chain(dir, true);
        }
        return this;
    }

    /**
     * The skeleton useradd -m copies into the new home: a safe directory tree of directories, regular files
     * with one name (a second name could be a file outside the root, copied to the new user) and symbolic
     * links (copied as links, never followed). Devices, FIFOs and sockets are refused: useradd recreates
     * them in the home, owned by the new user.
     */
    public ShadowPreflight skeleton(String dir) {
        if (live || !chain(dir, false)) {
            return this;
        }
        Path top = under(dir);
        int[] count = {0};
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    check(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    check(f);
                    return FileVisitResult.CONTINUE;
                }

                private void check(Path p) throws IOException {
                    if (++count[0] > MAX_SKELETON_ENTRIES) {
                        throw refuse(dir + " holds more than " + MAX_SKELETON_ENTRIES + " entries (rule: a skeleton "
                                + "Bosun copies is bounded)");
                    }
                    Entry e = Entry.of(p, "/" + root.relativize(p));
                    if (e.isDirectory()) {
                        safeDirectory(e, false);
                    } else if (e.isRegular() && e.nlink > 1) {
                        throw refuse(e.host + " has " + e.nlink + " hard links; useradd -m would copy a file that may lie "
                                + "outside the root into the new home (rule: the files the account tools read have "
                                + "exactly one name)");
                    } else if (!e.isRegular() && !e.isLink()) {
                        throw refuse(e.host + " is " + e.kind() + "; useradd -m would recreate it in the new home, owned by "
                                + "the new user (rule: a skeleton holds directories, regular files and symbolic links)");
                    }
                }
            });
        } catch (IOException e) {
            throw new BosunException("cannot read the skeleton " + dir + " under root " + root + ": " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * shadow-utils runs the executables in the live host's {@code /etc/shadow-maint/<tool>-pre.d} and
     * {@code -post.d} even with {@code --prefix}: host hooks acting on the live system for a user of
     * another root. Refused when there are any.
     */
    public ShadowPreflight hostHooks(String tool) {
        if (live) {
            return this;
        }
        for (String phase : List.of("pre", "post")) {
            Path dir = hooks.resolve(tool + "-" + phase + ".d");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                if (ds.iterator().hasNext()) {
                    throw refuse("the live host's " + dir + " holds hooks that " + tool + " runs on the live system even "
                            + "with --prefix (rule: no host hooks for a user of another root)");
                }
            } catch (IOException e) {
                throw new BosunException("cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        return this;
    }

    /**
     * A path taken from the root's own configuration (e.g. {@code HOME} of {@code default/useradd}): the
     * tools append it to the root as a string, so a {@code ..} segment would lead them out of it.
     */
    public String configuredPath(String what, String value) {
        if (live) {
            return value;
        }
        try {
            return Check.absolutePath(what, value);
        } catch (InvalidValueException e) {
            throw refuse(what + " is " + Check.quote(value) + "; it must be an absolute, normalised path without '.' "
                    + "or '..' segments (the account tools append it to the root as text)");
        }
    }

    /**
     * Walks {@code hostPath} from the root down: every existing component is a directory (not a symbolic
     * link) that only root or the caller can change. True when the whole path exists.
     */
    private boolean chain(String hostPath, boolean lastMayBeGroupWritable) {
        Entry top = rootEntry();
        safeDirectory(top, false);
        if (hostPath.equals("/")) {
            return true;
        }
        String[] segments = hostPath.substring(1).split("/");
        StringBuilder acc = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            acc.append('/').append(segments[i]);
            Entry e = lstat(acc.toString());
            if (e == null) {
                return false;
            }
            if (e.isLink()) {
                throw refuse(e.host + " is a symbolic link (to " + Check.quote(e.target()) + "); the account tools "
                        + "would follow it out of the root (rule: no symbolic link on a path they touch)");
            }
            if (!e.isDirectory()) {
                throw refuse(e.host + " is " + e.kind() + ", not a directory");
            }
            safeDirectory(e, lastMayBeGroupWritable && i == segments.length - 1);
        }
        return true;
    }

    private void safeDirectory(Entry e, boolean groupWritableAllowed) {
        int writable = groupWritableAllowed ? 0002 : 0022;
        if ((e.uid != 0 && e.uid != ctx.caller().euid()) || (e.mode & writable) != 0) {
            throw refuse(e.host + " belongs to uid " + Integer.toUnsignedString(e.uid) + " with mode "
                    + String.format("%04o", e.mode & 07777) + "; someone other than root could swap its entries while "
                    + "the account tools run (rule: directories on their paths belong to root and are not "
                    + (groupWritableAllowed ? "" : "group- or ") + "world-writable)");
        }
    }

    private void singleFile(String hostPath, String why) {
        Entry e = lstat(hostPath);
        if (e == null) {
            return;
        }
        if (e.isLink()) {
            throw refuse(hostPath + " is a symbolic link (to " + Check.quote(e.target()) + "); " + why
                    + " and would follow it out of the root (rule: no symbolic link on a path the account tools touch)");
        }
        if (!e.isRegular()) {
            throw refuse(hostPath + " is " + e.kind() + ", not a regular file");
        }
        if (e.nlink > 1) {
            throw refuse(hostPath + " has " + e.nlink + " hard links; " + why + " through a name that may share its "
                    + "content with a file outside the root (rule: the files the account tools touch have exactly one name)");
        }
    }

    /** Lock temporaries and {@code .lock} files of the given databases in the root's etc. */
    private void scanEtc(Collection<String> databases, List<Entry> temporaries, Map<String, Entry> locks) {
        Path etc = under("/etc");
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(etc)) {
            for (Path p : ds) {
                if (++n > MAX_ETC_ENTRIES) {
                    throw refuse("/etc holds more than " + MAX_ETC_ENTRIES + " entries (rule: Bosun reads a bounded etc)");
                }
                String name = p.getFileName().toString();
                Matcher m = TEMPORARY.matcher(name);
                if (m.matches() && databases.contains(m.group(1))) {
                    Entry e = Entry.of(p, "/etc/" + name);
                    if (e != null) {
                        temporaries.add(e.forDatabase(m.group(1)));
                    }
                } else if (name.endsWith(".lock") && databases.contains(name.substring(0, name.length() - 5))) {
                    String db = name.substring(0, name.length() - 5);
                    Entry e = Entry.of(p, "/etc/" + name);
                    if (e != null) {
                        locks.put(db, e.forDatabase(db));
                    }
                }
            }
        } catch (IOException e) {
            throw new BosunException("cannot list /etc under root " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * A lock with two names is being taken: its owner hard-linked its {@code <file>.<pid>} temporary to it and
     * checks the link count before removing the temporary. Both names are then the same inode.
     */
    private static boolean heldBy(Entry lock, List<Entry> temporaries) {
        return lock != null && lock.nlink == 2 && temporaries.stream().anyMatch(t -> t.database.equals(lock.database)
                && t.ino == lock.ino && !t.host.endsWith("+"));
    }

    private Entry rootEntry() {
        try {
            // The root itself is the operator's choice; a link there is followed on purpose.
            return Entry.of(root, "/", Files.readAttributes(root, "unix:mode,uid,nlink,ino"));
        } catch (IOException e) {
            throw new BosunException("cannot stat the root " + root + ": " + e.getMessage(), e);
        }
    }

    private Entry lstat(String hostPath) {
        try {
            return Entry.of(under(hostPath), hostPath);
        } catch (IOException e) {
            throw new BosunException("cannot stat " + hostPath + " under root " + root + ": " + e.getMessage(), e);
        }
    }

    private Path under(String hostPath) {
        return hostPath.equals("/") ? root : root.resolve(hostPath.substring(1));
    }

    private static String parent(String hostPath) {
        int slash = hostPath.lastIndexOf('/');
        return slash <= 0 ? "/" : hostPath.substring(0, slash);
    }

    private BosunException refuse(String what) {
        return new BosunException("refused under root " + root + ": " + what);
    }

    /** One directory entry as lstat sees it. */
    private record Entry(Path path, String host, int mode, int uid, long nlink, long ino, String database) {
        static Entry of(Path p, String host) throws IOException {
            try {
                return of(p, host, Files.readAttributes(p, "unix:mode,uid,nlink,ino", LinkOption.NOFOLLOW_LINKS));
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        static Entry of(Path p, String host, Map<String, Object> a) {
            return new Entry(p, host, (Integer) a.get("mode"), (Integer) a.get("uid"), ((Number) a.get("nlink")).longValue(),
                    ((Number) a.get("ino")).longValue(), null);
        }

        Entry forDatabase(String db) {
            return new Entry(path, host, mode, uid, nlink, ino, db);
        }

        boolean isLink() {
            return (mode & S_IFMT) == S_IFLNK;
        }

        boolean isDirectory() {
            return (mode & S_IFMT) == S_IFDIR;
        }

        boolean isRegular() {
            return (mode & S_IFMT) == S_IFREG;
        }

        String kind() {
            return switch (mode & S_IFMT) {
                case S_IFDIR -> "a directory";
                case S_IFREG -> "a regular file";
                case S_IFLNK -> "a symbolic link";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0010000 -> "a FIFO";
                case 0140000 -> "a socket";
                default -> "an unknown file type";
            };
        }

        String target() {
            try {
                return Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                return "?";
            }
        }
    }
}
