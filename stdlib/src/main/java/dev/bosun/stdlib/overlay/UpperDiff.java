package dev.bosun.stdlib.overlay;

import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Everything is read through {@link Fs} (descriptors, never following a link; under dry-run the
 * planned view). Lower layers are listed once per directory rather than looked up once per file.
 */
final class UpperDiff {
    private UpperDiff() {
    }

    static List<DiffEntry> of(Fs fs, String upper, List<String> lowers, XattrNamespace xattrs) {
        List<DiffEntry> out = new ArrayList<>();
        Set<String> xwhiteoutDirs = new HashSet<>();
        // Directories no lower layer has: nothing below them can be in a lower layer either, which saves
        // listing the lower layers for every directory of a new subtree (most of a typical upper layer).
        Set<String> newDirs = new HashSet<>();
        LowerNames lower = new LowerNames(fs, lowers);
        fs.walk(upper, e -> {
            String rel = e.path().substring(upper.length());
            String parent = rel.substring(0, rel.lastIndexOf('/'));
            FileStat st = e.stat();
            if (st.type() == FileStat.Type.DIRECTORY) {
                byte[] opaque = e.xattr(xattrs.opaque());
                if (Xattr.isY(opaque)) {
                    out.add(new DiffEntry(rel, DiffEntry.Kind.OPAQUE));
                } else {
                    if (Xattr.isX(opaque)) {
                        xwhiteoutDirs.add(rel);
                    }
                    if (newDirs.contains(parent) || !lower.has(rel)) {
                        newDirs.add(rel);
                        out.add(new DiffEntry(rel, DiffEntry.Kind.ADDED));
                    }
                }
                return true;
            }
            DiffEntry.Kind kind;
            if (isWhiteout(e, st, xwhiteoutDirs.contains(parent), xattrs)) {
                kind = DiffEntry.Kind.DELETED;
            } else {
                kind = !newDirs.contains(parent) && lower.has(rel) ? DiffEntry.Kind.MODIFIED : DiffEntry.Kind.ADDED;
            }
            out.add(new DiffEntry(rel, kind));
            return true;
        });
        out.sort(Comparator.comparing(DiffEntry::path));
        return out;
    }

    private static boolean isWhiteout(Fs.Entry e, FileStat st, boolean inXwhiteoutDir, XattrNamespace xattrs) {
        if (st.type() == FileStat.Type.CHAR_DEVICE) {
            return st.rdevMajor() == 0 && st.rdevMinor() == 0;
        }
        return st.type() == FileStat.Type.FILE && st.size() == 0 && inXwhiteoutDir && e.xattr(xattrs.whiteout()) != null;
    }

    /** Names in the lower layers' directories, listed once per merged directory. */
    private static final class LowerNames {
        private final Fs fs;
        private final List<String> lowers;
        private final Map<String, List<Set<String>>> byDir = new HashMap<>();

        LowerNames(Fs fs, List<String> lowers) {
            this.fs = fs;
            this.lowers = lowers;
        }

        /** True when some lower layer has the merged path {@code rel} (e.g. {@code /var/log/x}). */
        boolean has(String rel) {
            int slash = rel.lastIndexOf('/');
            String dir = rel.substring(0, slash);
            String name = rel.substring(slash + 1);
            for (Set<String> names : byDir.computeIfAbsent(dir, this::list)) {
                if (names.contains(name)) {
                    return true;
                }
            }
            return false;
        }

        private List<Set<String>> list(String dir) {
            List<Set<String>> out = new ArrayList<>();
            for (String l : lowers) {
                String d = l.equals("/") ? (dir.isEmpty() ? "/" : dir) : l + dir;
                out.add(new HashSet<>(fs.list(d)));
            }
            return out;
        }
    }
}
