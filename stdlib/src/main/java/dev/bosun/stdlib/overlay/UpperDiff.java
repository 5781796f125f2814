package dev.bosun.stdlib.overlay;

import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an upper layer changes against its lower layers, read from the upper directory alone (the
 * overlay need not be mounted, and reading merged would show the union, not the change):
 * <ul>
 * <li>a character device 0:0 is a whiteout: the lower path is deleted;</li>
 * <li>a zero-size file with {@code *.overlay.whiteout} in a directory marked {@code opaque=x} is the
 *     kernel's (6.7+) xattr whiteout, also deleted;</li>
 * <li>a directory with {@code *.overlay.opaque=y} hides its lower content: opaque;</li>
 * <li>anything else is modified when some lower layer has the path, else added. Directories that
 *     exist in a lower layer are only the copy-up parents of their children and are not listed.</li>
 * </ul>
 * Everything is read through {@link Fs#walk} (descriptors, never following a link, never entering another
 * mount; under dry-run the planned view), in one pass: an entry's kind comes from the walk, its metadata is
 * read only for a character device (whiteout?) or a file in an {@code opaque=x} directory, its xattrs only for
 * directories. Each lower layer is listed once per directory that may exist there, never below a directory no
 * lower layer has. Entries go to the caller as they are found, in walk order.
 */
final class UpperDiff {
    private UpperDiff() {
    }

    /** The changes in walk order: a directory before what it contains, names sorted within a directory. */
    static List<DiffEntry> of(Fs fs, String upper, List<String> lowers, XattrNamespace xattrs) {
        List<DiffEntry> out = new ArrayList<>();
        stream(fs, upper, lowers, xattrs, out::add);
        return out;
    }

    /** Hands each change to {@code sink} as the walk finds it. */
    static void stream(Fs fs, String upper, List<String> lowers, XattrNamespace xattrs, Consumer<DiffEntry> sink) {
        Deque<Dir> open = new ArrayDeque<>();
        open.push(new Dir(upper, "", false, false));
        fs.walk(upper, e -> {
            String path = e.path();
            String name = e.name();
            int parentLength = path.length() - name.length() - 1;
            Dir parent = open.peek();
            while (open.size() > 1 && (parent.hostPath.length() != parentLength || !path.startsWith(parent.hostPath))) {
                open.pop(); // the walk has left that directory
                parent = open.peek();
            }
            String rel = parent.rel + "/" + name;
            FileStat.Type type = e.type();
            if (type == FileStat.Type.DIRECTORY) {
                byte[] opaque = e.xattr(xattrs.opaque());
                boolean isNew = parent.isNew || !parent.lowerHas(fs, lowers, name);
                if (Xattr.isY(opaque)) {
                    sink.accept(new DiffEntry(rel, DiffEntry.Kind.OPAQUE));
                } else if (isNew) {
                    sink.accept(new DiffEntry(rel, DiffEntry.Kind.ADDED));
                }
                open.push(new Dir(path, rel, isNew, Xattr.isX(opaque)));
                return true;
            }
            DiffEntry.Kind kind;
            if (isWhiteout(e, type, parent.xwhiteouts, xattrs)) {
                kind = DiffEntry.Kind.DELETED;
            } else {
                kind = !parent.isNew && parent.lowerHas(fs, lowers, name) ? DiffEntry.Kind.MODIFIED : DiffEntry.Kind.ADDED;
            }
            sink.accept(new DiffEntry(rel, kind));
            return true;
        });
    }

    private static boolean isWhiteout(Fs.Entry e, FileStat.Type type, boolean inXwhiteoutDir, XattrNamespace xattrs) {
        if (type == FileStat.Type.CHAR_DEVICE) {
            FileStat st = e.stat();
            return st.rdevMajor() == 0 && st.rdevMinor() == 0;
        }
        return type == FileStat.Type.FILE && inXwhiteoutDir && e.stat().size() == 0 && e.xattr(xattrs.whiteout()) != null;
    }

    /**
     * A directory of the upper layer the walk is in: its host path, its path in the merged tree, whether no
     * lower layer has it (then nothing below it can be in one either, which saves listing the lower layers
     * for every directory of a new subtree, most of a typical upper layer), whether it holds xattr whiteouts,
     * and the names its lower counterparts hold, listed on first use.
     */
    private static final class Dir {
        final String hostPath;
        final String rel;
        final boolean isNew;
        final boolean xwhiteouts;
        private List<Set<String>> lowerNames;

        Dir(String hostPath, String rel, boolean isNew, boolean xwhiteouts) {
            this.hostPath = hostPath;
            this.rel = rel;
            this.isNew = isNew;
            this.xwhiteouts = xwhiteouts;
        }

        /** True when some lower layer has {@code name} in this directory. */
        boolean lowerHas(Fs fs, List<String> lowers, String name) {
            if (lowerNames == null) {
                lowerNames = new ArrayList<>(lowers.size());
                for (String l : lowers) {
                    String d = l.equals("/") ? (rel.isEmpty() ? "/" : rel) : l + rel;
                    lowerNames.add(new HashSet<>(fs.list(d)));
                }
            }
            for (Set<String> names : lowerNames) {
                if (names.contains(name)) {
                    return true;
                }
            }
            return false;
        }
    }
}
