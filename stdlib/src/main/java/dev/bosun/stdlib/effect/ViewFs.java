package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;
import dev.bosun.api.Plan;
import dev.bosun.api.WriteOptions;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The host's files. In apply mode every path resolves under the root and writes are real. Under
 * dry-run a scratch directory shadows the root: a write lands in the scratch copy, a delete leaves a
 * tombstone, and reads see scratch first, so later steps of a script see what earlier planned steps
 * did while the real files stay byte-identical. Every change is recorded in the plan first.
 */
final class ViewFs implements Fs {
    private final Path root;
    private final Path scratch;
    private final Plan plan;
    private final Set<String> tombstones = new HashSet<>();

    ViewFs(Path root, Path scratch, Plan plan) {
        this.root = root;
        this.scratch = scratch;
        this.plan = plan;
    }

    Path scratch() {
        return scratch;
    }

    /** The real location under the root; links on the way are followed inside the root, the last is not. */
    @Override
    public Path resolve(String hostPath) {
        Check.absolutePath("path", normalise(hostPath));
        return RootedPath.resolve(root, normalise(hostPath), false);
    }

    /** The real location of what a read sees: the last component too is followed, inside the root. */
    private Path resolveFollowing(String hostPath) {
        Check.absolutePath("path", normalise(hostPath));
        return RootedPath.resolve(root, normalise(hostPath), true);
    }

    static Path under(Path base, String hostPath) {
        Check.absolutePath("path", normalise(hostPath));
        String rel = normalise(hostPath).substring(1);
        return rel.isEmpty() ? base : base.resolve(rel);
    }

    /** Collapses {@code //} and a trailing slash; {@code ..} stays and is refused by the check. */
    static String normalise(String p) {
        if (p == null) {
            return null;
        }
        String s = p.replaceAll("/{2,}", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Where the current content of a path is: scratch copy, real file, or null when deleted in the view. */
    private Path current(String hostPath) {
        return current(hostPath, false);
    }

    /** As {@link #current(String)}; {@code follow} resolves a final symlink (inside the root) for reads. */
    private Path current(String hostPath, boolean follow) {
        String p = normalise(hostPath);
        if (scratch == null) {
            return follow ? resolveFollowing(p) : resolve(p);
        }
        if (isTombstoned(p)) {
            return null;
        }
        Path s = under(scratch, p);
        if (Files.exists(s, LinkOption.NOFOLLOW_LINKS)) {
            return s;
        }
        return follow ? resolveFollowing(p) : resolve(p);
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
        Path c = current(hostPath);
        return c != null && Files.exists(c, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public FileStat stat(String hostPath) {
        Path c = current(hostPath);
        return c == null ? null : Stat.of(c);
    }

    @Override
    public byte[] readBytes(String hostPath) {
        Path c = current(hostPath, true);
        try {
            if (c == null) {
                throw new java.nio.file.NoSuchFileException(hostPath);
            }
            return Files.readAllBytes(c);
        } catch (IOException e) {
            throw new BosunException("cannot read " + hostPath + ": " + AtomicWrite.describe(e), e);
        }
    }

    @Override
    public List<String> list(String hostDir) {
        String d = normalise(hostDir);
        Set<String> names = new TreeSet<>();
        addNames(names, resolveFollowing(d));
        if (scratch != null) {
            if (isTombstoned(d)) {
                names.clear();
            }
            addNames(names, under(scratch, d));
            names.removeIf(n -> isTombstoned(Fs.join(d, n)) && !Files.exists(under(scratch, Fs.join(d, n)),
                    LinkOption.NOFOLLOW_LINKS));
        }
        return new ArrayList<>(names);
    }

    private static void addNames(Set<String> names, Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw new BosunException("cannot list " + dir + ": " + AtomicWrite.describe(e), e);
        }
    }

    @Override
    public void write(String hostPath, byte[] content, WriteOptions options) {
        String p = normalise(hostPath);
        byte[] before = exists(p) ? readBytes(p) : null;
        FileStat st = stat(p);
        String diff = UnifiedDiff.of(p, before, content);
        boolean attrsChange = st != null && ((options.mode() != null && options.mode() != st.mode())
                || (options.uid() != null && options.uid() != st.uid())
                || (options.gid() != null && options.gid() != st.gid()));
        if (diff == null && !attrsChange) {
            return;
        }
        String how = (options.mode() != null ? " mode " + String.format("%04o", options.mode()) : "")
                + (options.uid() != null ? " owner " + options.uid() + ":" + options.gid() : "");
        plan.record(new Change(before == null ? Change.Kind.CREATE : Change.Kind.WRITE, p,
                (before == null ? "create " : "write ") + p + " (" + content.length + " bytes" + how + ")", diff));
        AtomicWrite.write(writable(p), content, options);
    }

    /** The path to write to: the real one, or its scratch copy (parents mirrored, old content copied for backups). */
    private Path writable(String p) {
        if (scratch == null) {
            return resolve(p);
        }
        Path s = under(scratch, p);
        try {
            mirrorParents(p);
            tombstones.remove(p);
            Path real = resolve(p);
            if (!Files.exists(s, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    && !isTombstoned(p)) {
                Files.copy(real, s, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new BosunException("cannot prepare the dry-run view of " + p + ": " + AtomicWrite.describe(e), e);
        }
        return s;
    }

    /** Copies a file into the scratch view so a prefixed tool can work on it (dry-run only). */
    void materialize(String hostPath) {
        if (scratch == null || !exists(hostPath)) {
            return;
        }
        FileStat st = stat(hostPath);
        if (st.type() == FileStat.Type.DIRECTORY) {
            mirrorDir(normalise(hostPath));
        } else {
            writable(normalise(hostPath));
        }
    }

    private void mirrorParents(String p) throws IOException {
        int slash = p.lastIndexOf('/');
        if (slash > 0) {
            mirrorDir(p.substring(0, slash));
        }
    }

    /** Creates the directory chain in scratch with the real directories' modes and owners. */
    private void mirrorDir(String dir) {
        String acc = "";
        for (String seg : dir.substring(1).split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            acc = acc + "/" + seg;
            Path s = under(scratch, acc);
            if (Files.isDirectory(s, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.createDirectory(s);
                FileStat real = Stat.of(resolve(acc));
                if (real != null && real.type() == FileStat.Type.DIRECTORY) {
                    Attributes.set(s, real.mode(), real.uid(), real.gid());
                }
            } catch (IOException e) {
                throw new BosunException("cannot prepare the dry-run view of " + acc + ": " + AtomicWrite.describe(e), e);
            }
        }
    }

    @Override
    public void mkdirs(String hostPath, int mode, Integer uid, Integer gid) {
        String p = normalise(hostPath);
        List<String> missing = new ArrayList<>();
        for (String d = p; d.length() > 1 && !exists(d); d = d.substring(0, Math.max(1, d.lastIndexOf('/')))) {
            missing.addFirst(d);
        }
        for (String d : missing) {
            plan.record(new Change(Change.Kind.MKDIR, d, "mkdir " + d + " (mode " + String.format("%04o", mode)
                    + (uid != null ? ", owner " + uid + ":" + gid : "") + ")", null));
            Path target = scratch == null ? resolve(d) : under(scratch, d);
            try {
                if (scratch != null) {
                    tombstones.remove(d);
                    mirrorParents(d);
                }
                Files.createDirectory(target);
                Attributes.set(target, mode, uid, gid);
            } catch (IOException e) {
                throw new BosunException("cannot create directory " + d + ": " + AtomicWrite.describe(e), e);
            }
        }
    }

    @Override
    public void setAttributes(String hostPath, Integer mode, Integer uid, Integer gid) {
        String p = normalise(hostPath);
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
        try {
            Path target;
            if (scratch == null) {
                target = resolve(p);
            } else if (st.type() == FileStat.Type.DIRECTORY) {
                mirrorDir(p);
                target = under(scratch, p);
            } else {
                target = writable(p);
            }
            Attributes.set(target, mode, uid, gid);
        } catch (IOException e) {
            throw new BosunException("cannot change attributes of " + p + ": " + AtomicWrite.describe(e), e);
        }
    }

    @Override
    public boolean delete(String hostPath) {
        String p = normalise(hostPath);
        FileStat st = stat(p);
        if (st == null) {
            return false;
        }
        byte[] before = st.type() == FileStat.Type.FILE ? readBytes(p) : null;
        plan.record(new Change(Change.Kind.DELETE, p, "delete " + p, before == null ? null : UnifiedDiff.of(p, before, null)));
        try {
            if (scratch == null) {
                Files.delete(resolve(p));
            } else {
                Files.deleteIfExists(under(scratch, p));
                tombstones.add(p);
            }
        } catch (IOException e) {
            throw new BosunException("cannot delete " + p + ": " + AtomicWrite.describe(e), e);
        }
        return true;
    }

    @Override
    public boolean deleteTree(String hostPath) {
        String p = normalise(hostPath);
        FileStat st = stat(p);
        if (st == null) {
            return false;
        }
        plan.record(new Change(Change.Kind.DELETE, p, "delete tree " + p, null));
        try {
            if (scratch == null) {
                TreeDelete.delete(resolve(p));
            } else {
                Path s = under(scratch, p);
                if (Files.exists(s, LinkOption.NOFOLLOW_LINKS)) {
                    TreeDelete.delete(s);
                }
                tombstones.add(p);
            }
        } catch (IOException e) {
            throw new BosunException("cannot delete " + p + ": " + AtomicWrite.describe(e), e);
        }
        return true;
    }

    @Override
    public FileLock lock(String hostPath, Duration timeout) {
        String p = normalise(hostPath);
        if (scratch == null) {
            return ShadowLock.acquire(resolve(p), timeout);
        }
        // Dry-run: the scratch view is private to this process; lock there so the protocol still runs.
        mirrorDir(p.substring(0, Math.max(1, p.lastIndexOf('/'))));
        return ShadowLock.acquire(under(scratch, p), timeout);
    }
}
