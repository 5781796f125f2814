package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.Plan;
import dev.bosun.api.WriteOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The host's files. In apply mode every path resolves under the root and writes are real. Under
 * dry-run a scratch directory (Bosun's own, mode 0700) shadows the root: a write lands in the scratch
 * copy, a delete leaves a tombstone, and reads see scratch first, so later steps of a script see what
 * earlier planned steps did while the real files stay byte-identical. Every change is recorded in the
 * plan first. Both trees are {@link RootedFiles}: every read of the real tree, under dry-run too,
 * goes through the same descriptor walk with the same ownership rule as a write would.
 */
final class ViewFs implements Fs, AutoCloseable {
    private final RootedFiles real;
    private final RootedFiles scratch;
    private final Path scratchPath;
    private final Plan plan;
    private final boolean root;
    private final Set<String> tombstones = new HashSet<>();
    /** Under dry-run: directories finished in the view ({@link #finishMkdirs}); the real one below is empty. */
    private final Set<String> finished = new HashSet<>();

    /**
     * @param rootDir the host root ({@code /} or {@code --root DIR})
     * @param scratch the dry-run scratch directory, or null in apply mode
     * @param euid    the uid Bosun acts as
     */
    ViewFs(Path rootDir, Path scratch, Plan plan, int euid) {
        this.real = new RootedFiles(RootDir.open(rootDir, euid));
        try {
            this.scratch = scratch == null ? null : new RootedFiles(RootDir.open(scratch, euid));
        } catch (RuntimeException e) {
            real.close();
            throw e;
        }
        this.scratchPath = scratch;
        this.plan = plan;
        this.root = euid == 0;
    }

    Path scratch() {
        return scratchPath;
    }

    /** The real location under the root, every link resolved inside it; for tools only (see {@link Fs#resolve}). */
    @Override
    public Path resolve(String hostPath) {
        return real.realPath(path(hostPath));
    }

    /** The checked, normalised host path. */
    private static String path(String hostPath) {
        String p = normalise(hostPath);
        Check.absolutePath("path", p);
        return p;
    }

    /** Collapses {@code //} and a trailing slash; {@code ..} stays and is refused by the check. */
    static String normalise(String p) {
        if (p == null || (!p.contains("//") && !(p.length() > 1 && p.endsWith("/")))) {
            return p;
        }
        StringBuilder sb = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c != '/' || sb.isEmpty() || sb.charAt(sb.length() - 1) != '/') {
                sb.append(c);
            }
        }
        if (sb.length() > 1 && sb.charAt(sb.length() - 1) == '/') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /** The tree that holds what the view shows at a path: scratch, the real root, or null when deleted in the view. */
    private RootedFiles treeOf(String p) {
        if (scratch == null) {
            return real;
        }
        if (isTombstoned(p)) {
            return null;
        }
        return isFinished(p) || scratch.exists(p) ? scratch : real;
    }

    private boolean isFinished(String p) {
        for (String f : finished) {
            if (p.equals(f) || p.startsWith(f + "/")) {
                return true;
            }
        }
        return false;
    }

    private boolean isTombstoned(String p) {
        for (String t : tombstones) {
            if (p.equals(t) || p.startsWith(t + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean exists(String hostPath) {
        String p = path(hostPath);
        RootedFiles t = treeOf(p);
        return t != null && t.exists(p);
    }

    @Override
    public FileStat stat(String hostPath) {
        String p = path(hostPath);
        RootedFiles t = treeOf(p);
        return t == null ? null : t.stat(p);
    }

    @Override
    public byte[] readBytes(String hostPath) {
        String p = path(hostPath);
        RootedFiles t = treeOf(p);
        if (t == null) {
            throw new BosunException("cannot read " + p + ": " + Errno.describe(Errno.ENOENT));
        }
        return t.read(p, true);
    }

    @Override
    public List<String> list(String hostDir) {
        String d = path(hostDir);
        if (scratch == null) {
            return real.list(d);
        }
        Set<String> names = new TreeSet<>();
        if (!isTombstoned(d) && !isFinished(d)) {
            names.addAll(real.list(d));
        }
        names.addAll(scratch.list(d));
        names.removeIf(n -> isTombstoned(Fs.join(d, n)) && !scratch.exists(Fs.join(d, n)));
        return new ArrayList<>(names);
    }

    @Override
    public byte[] xattr(String hostPath, String name) {
        String p = path(hostPath);
        RootedFiles t = treeOf(p);
        if (t == null) {
            throw new BosunException("cannot read xattr " + name + " of " + p + ": " + Errno.describe(Errno.ENOENT));
        }
        return t.xattr(p, name);
    }

    @Override
    public void walk(String hostDir, Visitor visitor) {
        String d = path(hostDir);
        if (scratch == null || !viewDiffersBelow(d)) {
            real.walk(d, visitor);
            return;
        }
        viewWalk(d, visitor);
    }

    /** True when the dry-run view of the tree below {@code d} is not simply the real one. */
    private boolean viewDiffersBelow(String d) {
        if (scratch.exists(d)) {
            return true;
        }
        for (String t : tombstones) {
            if (t.equals(d) || t.startsWith(d + "/") || d.startsWith(t + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The walk through the view's own list/stat/xattr (only under dry-run, below a directory the plan touched). */
    private void viewWalk(String d, Visitor visitor) {
        for (String name : list(d)) {
            String p = Fs.join(d, name);
            FileStat st = stat(p);
            if (st == null) {
                continue;
            }
            Entry e = new Entry() {
                @Override
                public String path() {
                    return p;
                }

                @Override
                public FileStat stat() {
                    return st;
                }

                @Override
                public byte[] xattr(String attr) {
                    return ViewFs.this.xattr(p, attr);
                }
            };
            if (visitor.visit(e) && st.type() == FileStat.Type.DIRECTORY) {
                viewWalk(p, visitor);
            }
        }
    }

    @Override
    public void write(String hostPath, byte[] content, WriteOptions options) {
        String p = path(hostPath);
        sweepTemporaries(p);
        if (options.backupSuffix() != null) {
            sweepTemporaries(p + options.backupSuffix()); // the backup is written through a temporary of its own
        }
        FileStat st = stat(p);
        // The write replaces the entry itself: a link (or fifo, device) there is replaced, not read through.
        byte[] before = st != null && st.type() == FileStat.Type.FILE ? readBytes(p) : null;
        String diff = UnifiedDiff.of(p, before, content);
        boolean attrsChange = st != null && ((options.mode() != null && options.mode() != st.mode())
                || (options.uid() != null && options.uid() != st.uid())
                || (options.gid() != null && options.gid() != st.gid()));
        if (diff == null && !attrsChange) {
            return;
        }
        String how = (options.mode() != null ? " mode " + String.format("%04o", options.mode()) : "")
                + (options.uid() != null ? " owner " + options.uid() + ":" + options.gid() : "");
        plan.record(new Change(st == null ? Change.Kind.CREATE : Change.Kind.WRITE, p,
                (st == null ? "create " : "write ") + p + " (" + content.length + " bytes" + how
                + (st != null && st.type() != FileStat.Type.FILE ? ", replacing a " + st.type() : "") + ")", diff));
        writableTree(p).write(p, content, options);
    }

    /** Where a write goes: the real tree, or under dry-run the scratch view (parents mirrored, old content copied for backups). */
    private RootedFiles writableTree(String p) {
        if (scratch == null) {
            return real;
        }
        mirrorParents(p);
        tombstones.remove(p);
        if (!scratch.exists(p) && !isTombstoned(p) && !isFinished(p)) {
            FileStat st = real.stat(p);
            if (st != null && st.type() == FileStat.Type.FILE) {
                byte[] bytes = real.read(p, false);
                scratch.write(p, bytes, WriteOptions.mode(st.mode()).withOwner(owner(st.uid()), owner(st.gid())));
            }
        }
        return scratch;
    }

    /**
     * An owner to copy into the scratch view: only root can give files away, and for anyone else the
     * view keeps its own owner, as a copy they make by hand would.
     */
    private Integer owner(int id) {
        return root ? id : null;
    }

    /** Copies a file into the scratch view so a prefixed tool can work on it (dry-run only). */
    void materialize(String hostPath) {
        if (scratch == null || !exists(hostPath)) {
            return;
        }
        String p = path(hostPath);
        FileStat st = stat(p);
        if (st.type() == FileStat.Type.DIRECTORY) {
            mirrorDir(p);
        } else {
            writableTree(p);
        }
    }

    private void mirrorParents(String p) {
        int slash = p.lastIndexOf('/');
        if (slash > 0) {
            mirrorDir(p.substring(0, slash));
        }
    }

    /** Creates the directory chain in scratch with the real directories' modes and owners. */
    private void mirrorDir(String dir) {
        String acc = "";
        for (String seg : Resolver.split(dir)) {
            acc = acc + "/" + seg;
            FileStat have = scratch.stat(acc);
            if (have != null && have.type() == FileStat.Type.DIRECTORY) {
                continue;
            }
            FileStat realDir = isFinished(acc) ? null : real.stat(acc);
            boolean like = realDir != null && realDir.type() == FileStat.Type.DIRECTORY;
            scratch.mkdir(acc, like ? realDir.mode() : 0755, like ? owner(realDir.uid()) : null,
                    like ? owner(realDir.gid()) : null);
        }
    }

    @Override
    public void mkdirs(String hostPath, int mode, Integer uid, Integer gid) {
        String p = path(hostPath);
        List<String> missing = new ArrayList<>();
        for (String d = p; d.length() > 1 && !exists(d); d = d.substring(0, Math.max(1, d.lastIndexOf('/')))) {
            missing.addFirst(d);
        }
        for (String d : missing) {
            sweepTemporaries(d);
            plan.record(new Change(Change.Kind.MKDIR, d, "mkdir " + d + " (mode " + String.format("%04o", mode)
                    + (uid != null ? ", owner " + uid + ":" + gid : "") + ")", null));
            if (scratch == null) {
                real.mkdir(d, mode, uid, gid);
            } else {
                tombstones.remove(d);
                mirrorParents(d);
                scratch.mkdir(d, mode, uid, gid);
            }
        }
    }

    /**
     * Removes the temporaries a killed writer of {@code p} left beside it ({@link StaleTemporaries}), each planned
     * as a delete; under dry-run they are only hidden from the view. An unreachable directory is left to the
     * write or mkdir that follows, which reports it.
     */
    private void sweepTemporaries(String p) {
        if (p.equals("/") || isTombstoned(p) || isFinished(p)) {
            return;
        }
        List<String> stale;
        try {
            stale = real.staleTemporaries(p);
        } catch (BosunException e) {
            return;
        }
        String dir = p.substring(0, Math.max(1, p.lastIndexOf('/')));
        for (String name : stale) {
            String t = Fs.join(dir, name);
            if (isTombstoned(t)) {
                continue;
            }
            plan.record(new Change(Change.Kind.DELETE, t, "delete " + t + " (a temporary of a killed writer)", null));
            if (scratch == null) {
                real.removeStaleTemporary(p, name);
            } else {
                tombstones.add(t);
            }
        }
    }

    @Override
    public boolean finishMkdirs(String hostPath, int mode, int uid, int gid) {
        String p = path(hostPath);
        boolean changed = false;
        String acc = "";
        for (String seg : Resolver.split(p)) {
            acc = acc + "/" + seg;
            if (scratch != null && (isFinished(acc) || isTombstoned(acc) || scratch.exists(acc))) {
                continue;
            }
            if (!real.interruptedMkdir(acc, uid, false, mode, gid)) {
                continue;
            }
            plan.record(new Change(Change.Kind.ATTRIBUTES, acc, "set " + acc + " mode " + String.format("%04o", mode)
                    + " owner " + uid + ":" + gid + " (finishing a directory an interrupted mkdir left root-owned)", null));
            if (scratch == null) {
                real.interruptedMkdir(acc, uid, true, mode, gid);
            } else {
                mirrorDir(acc.substring(0, Math.max(1, acc.lastIndexOf('/'))));
                scratch.mkdir(acc, mode, uid, gid);
                finished.add(acc);
            }
            changed = true;
        }
        return changed;
    }

    @Override
    public void setAttributes(String hostPath, Integer mode, Integer uid, Integer gid) {
        String p = path(hostPath);
        FileStat st = stat(p);
        if (st == null) {
            throw new BosunException("cannot change attributes of " + p + ": no such file or directory");
        }
        boolean change = (mode != null && mode != st.mode()) || (uid != null && uid != st.uid())
                || (gid != null && gid != st.gid());
        if (!change) {
            return;
        }
        plan.record(new Change(Change.Kind.ATTRIBUTES, p, "set " + p
                + (mode != null ? " mode " + String.format("%04o", mode) : "")
                + (uid != null || gid != null ? " owner " + (uid != null ? uid : st.uid()) + ":"
                + (gid != null ? gid : st.gid()) : ""), null));
        RootedFiles target;
        if (scratch == null) {
            target = real;
        } else if (st.type() == FileStat.Type.DIRECTORY) {
            mirrorDir(p);
            target = scratch;
        } else {
            target = writableTree(p);
        }
        target.setAttributes(p, mode, uid, gid);
    }

    @Override
    public boolean delete(String hostPath) {
        String p = path(hostPath);
        FileStat st = stat(p);
        if (st == null) {
            return false;
        }
        byte[] before = st.type() == FileStat.Type.FILE ? readBytes(p) : null;
        plan.record(new Change(Change.Kind.DELETE, p, "delete " + p, before == null ? null : UnifiedDiff.of(p, before, null)));
        if (scratch == null) {
            real.delete(p);
        } else {
            scratch.delete(p);
            tombstones.add(p);
        }
        return true;
    }

    @Override
    public boolean deleteTree(String hostPath) {
        String p = path(hostPath);
        FileStat st = stat(p);
        if (st == null) {
            return false;
        }
        plan.record(new Change(Change.Kind.DELETE, p, "delete tree " + p, null));
        if (scratch == null) {
            real.deleteTree(p);
        } else {
            scratch.deleteTree(p);
            tombstones.add(p);
        }
        return true;
    }

    @Override
    public FileLock lock(String hostPath, Duration timeout) {
        String p = path(hostPath);
        if (scratch == null) {
            return real.lock(p, timeout);
        }
        // Dry-run: the scratch view is private to this process; lock there so the protocol still runs.
        mirrorDir(p.substring(0, Math.max(1, p.lastIndexOf('/'))));
        return scratch.lock(p, timeout);
    }

    @Override
    public void close() {
        try {
            real.close();
        } finally {
            if (scratch != null) {
                scratch.close();
            }
        }
    }
}
