package dev.bosun.stdlib.files;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.HostContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps {@code files.*} away from Bosun's own state: the database, its {@code -wal}, {@code -shm} and
 * {@code -journal} files and the directory they are in. A script must not read, overwrite, plant or erase
 * the audit trail that records it. A path is refused when it names one of them, through a link of the root
 * or not, or is another name (a hard link) of the same file.
 */
final class StateGuard {
    private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm", "-journal");

    private StateGuard() {
    }

    /** Refuses {@code path} when it is Bosun's state; {@code follow}: the operation follows a final link. */
    static void check(HostContext ctx, String path, boolean follow) {
        Path db = ctx.state().path();
        if (db == null) {
            return;
        }
        db = db.toAbsolutePath().normalize();
        List<Path> own = new ArrayList<>();
        own.add(canonical(db.getParent()));
        for (String s : SIDE_FILES) {
            own.add(canonical(db.resolveSibling(db.getFileName() + s)));
        }
        Path target = canonical(ctx.fs().resolve(path));
        List<Object> targetKeys = new ArrayList<>();
        targetKeys.add(key(target, false));
        if (follow) {
            targetKeys.add(key(target, true));
        }
        for (Path p : own) {
            Object k = key(p, false);
            if (p.equals(target) || k != null && targetKeys.contains(k)) {
                // Not bad input but a refused target: an error, so the attempt is on the record.
                throw new BosunException("refusing " + Check.quote(path) + ": it is Bosun's own state (" + db
                        + " and its directory); files.* do not touch the audit trail");
            }
        }
    }

    /** The path with its directory resolved as far as it exists, so two spellings of one place compare equal. */
    private static Path canonical(Path p) {
        Path parent = p.getParent();
        if (parent == null) {
            return p;
        }
        try {
            return parent.toRealPath().resolve(p.getFileName());
        } catch (IOException e) {
            return p;
        }
    }

    /** The file's (device, inode), or null when it does not exist. */
    private static Object key(Path p, boolean follow) {
        try {
            BasicFileAttributes a = follow ? Files.readAttributes(p, BasicFileAttributes.class)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Objects.requireNonNull(a.fileKey());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
