package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The walk never follows symlinks.
 */
final class UpperDiff {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private UpperDiff() {
    }

    static List<DiffEntry> of(Path upper, List<Path> lowers, XattrNamespace xattrs) {
        List<DiffEntry> out = new ArrayList<>();
        Set<Path> xwhiteoutDirs = new HashSet<>();
        // Directories no lower layer has: nothing below them can be in a lower layer either, which saves
        // one lstat per lower layer for every entry of a new subtree (most of a typical upper layer).
        Set<Path> newDirs = new HashSet<>();
        try {
            Files.walkFileTree(upper, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(upper)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = merged(upper, dir);
                    byte[] opaque = Xattr.get(dir, xattrs.opaque());
                    if (Xattr.isY(opaque)) {
                        out.add(new DiffEntry(rel, DiffEntry.Kind.OPAQUE));
                    } else {
                        if (opaque != null && opaque.length == 1 && opaque[0] == 'x') {
                            xwhiteoutDirs.add(dir);
                        }
                        if (newDirs.contains(dir.getParent()) || !inLower(lowers, rel)) {
                            newDirs.add(dir);
                            out.add(new DiffEntry(rel, DiffEntry.Kind.ADDED));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = merged(upper, file);
                    DiffEntry.Kind kind;
                    if (isWhiteout(file, attrs)) {
                        kind = DiffEntry.Kind.DELETED;
                    } else {
                        kind = !newDirs.contains(file.getParent()) && inLower(lowers, rel)
                                ? DiffEntry.Kind.MODIFIED : DiffEntry.Kind.ADDED;
                    }
                    out.add(new DiffEntry(rel, kind));
                    return FileVisitResult.CONTINUE;
                }

                private boolean isWhiteout(Path file, BasicFileAttributes attrs) {
                    if (attrs.isOther()) {
                        try {
                            Map<String, Object> a = Files.readAttributes(file, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
                            return ((Integer) a.get("mode") & S_IFMT) == S_IFCHR && (Long) a.get("rdev") == 0L;
                        } catch (IOException e) {
                            throw new BosunException("cannot stat " + file + ": " + e.getMessage(), e);
                        }
                    }
                    return attrs.isRegularFile() && attrs.size() == 0 && xwhiteoutDirs.contains(file.getParent())
                            && Xattr.get(file, xattrs.whiteout()) != null;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    throw new BosunException("cannot read " + file + " while diffing: " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new BosunException("cannot walk " + upper + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(DiffEntry::path));
        return out;
    }

    /** The merged-tree path of an upper entry, e.g. {@code /var/log/x}. */
    private static String merged(Path upper, Path p) {
        return "/" + upper.relativize(p);
    }

    private static boolean inLower(List<Path> lowers, String rel) {
        String r = rel.substring(1);
        for (Path l : lowers) {
            if (Files.exists(l.resolve(r), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }
}
