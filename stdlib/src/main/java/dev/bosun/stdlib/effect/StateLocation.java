package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the state database lives and whether Bosun may use it. The database holds the audit trail and the
 * allocations that decide which user gets which IDs, so a database someone else could have written is
 * refused rather than trusted, and one Bosun creates is private from the first byte:
 *
 * <ul>
 *   <li><b>No links.</b> Below the trusted top (the {@code --root} directory when the database lies under a
 *   non-live root, else the parent of the database's directory) no component of the path to the database,
 *   the database itself included, may be a symbolic link; each is checked with lstat from the top down, and
 *   SQLite opens the canonical path with {@code SQLITE_OPEN_NOFOLLOW}, which refuses a link in any
 *   component. A link is refused, never followed.</li>
 *   <li><b>Owners and modes (StrictModes).</b> Every directory from {@code /} down to the database's
 *   directory is owned by the invoking (effective) user or root, and is not writable by group or others
 *   (an ancestor may be world-writable when it is sticky, like {@code /tmp}; the database's own directory
 *   never may). The database and its {@code -wal}, {@code -shm} and {@code -journal} files are regular
 *   files owned by the invoking user or root and not writable by group or others.</li>
 *   <li><b>Created private, repaired when only too readable.</b> Bosun creates the database's directory 0700
 *   (missing ancestors 0755) and the database 0600 with {@code O_CREAT|O_EXCL|O_NOFOLLOW}; SQLite gives its
 *   side files the database's mode. A database (or side file) that others can read but not write is set
 *   back to 0600 on the open descriptor, and the default state directory to 0700; that only takes a
 *   permission away. Anything writable by others or owned by someone else is refused: its content may
 *   be forged, and no repair makes it trustworthy again. A directory given with {@code --state} is the
 *   user's and is checked, never changed.</li>
 * </ul>
 *
 * The checks walk paths, so a rename racing them is not excluded; they run on directories that only the
 * invoking user or root can change, which is what makes that race unavailable to anyone else.
 */
final class StateLocation {
    private static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");

    private final Path db;
    private final Path top;
    private final boolean ownDir;
    private final int euid;

    private StateLocation(Path db, Path top, boolean ownDir, int euid) {
        this.db = db;
        this.top = top;
        this.ownDir = ownDir;
        this.euid = euid;
    }

    /**
     * The location of {@code db} for a session on {@code root}. {@code ownDir} says the database is in
     * Bosun's default state directory (created and repaired by Bosun) rather than a path given with --state.
     */
    static StateLocation of(Path db, Path root, boolean ownDir, int euid) {
        Path abs = db.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Path r = root.toAbsolutePath().normalize();
        Path top;
        if (!r.toString().equals("/") && abs.startsWith(r) && !abs.equals(r)) {
            top = r;
        } else {
            top = dir.getParent() == null ? dir : dir.getParent();
        }
        return new StateLocation(abs, top, ownDir, euid);
    }

    /** The database path as given (made absolute), for messages. */
    Path path() {
        return db;
    }

    /**
     * Checks the location for use: creates what is missing when {@code create} (else returns null when
     * the database does not exist), tightens modes when {@code repair}. Returns the canonical path SQLite
     * opens; refuses with a one-line {@link BosunException} otherwise.
     */
    Path prepare(boolean create, boolean repair) {
        Path real = canonical();
        Path dir = real.getParent();
        List<Path> chain = new ArrayList<>();
        for (Path p = dir; p != null; p = p.getParent()) {
            chain.addFirst(p);
        }
        // Top down, so nothing is created inside a directory before that directory passed its checks.
        for (Path p : chain) {
            Node st = lstat(p);
            if (st == null) {
                if (!create) {
                    return null;
                }
                mkdir(p, p.equals(dir) ? 0700 : 0755);
                st = lstat(p);
                if (st == null) {
                    throw refused(p, "gone right after it was created");
                }
            }
            if (st.type() == Type.SYMLINK) {
                throw refused(p, "a symbolic link (Bosun never follows links to its state)");
            }
            if (st.type() != Type.DIRECTORY) {
                throw refused(p, "not a directory");
            }
            checkOwner(p, st);
            boolean own = p.equals(dir);
            boolean sticky = (st.mode() & 01000) != 0;
            if ((st.mode() & 0022) != 0 && (own || !sticky)) {
                throw refused(p, "writable by group or others (mode " + octal(st.mode()) + ")");
            }
            if (own && ownDir && repair && (st.mode() & 0077) != 0) {
                chmod(p, 0700);
            }
        }
        if (lstat(real) == null) {
            if (!create) {
                return null;
            }
            createPrivate(real);
        }
        checkFile(real, repair);
        for (String side : SIDE_FILES) {
            Path s = real.resolveSibling(real.getFileName() + side);
            if (lstat(s) != null) {
                checkFile(s, repair);
            }
        }
        return real;
    }

    /**
     * The database path with the trusted top resolved (links in it are the caller's choice, like a --root
     * that is itself a link); what lies below the top is kept as named, to be checked component by component.
     */
    private Path canonical() {
        Path existing = top;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw refused(top, "missing");
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(db));
        } catch (IOException e) {
            throw new BosunException("cannot open the state database " + db + ": " + describe(e), e);
        }
    }

    private void checkFile(Path p, boolean repair) {
        Node st = lstat(p);
        if (st == null) {
            return; // a side file SQLite removed meanwhile
        }
        if (st.type() == Type.SYMLINK) {
            throw refused(p, "a symbolic link (Bosun never follows links to its state)");
        }
        if (st.type() != Type.FILE) {
            throw refused(p, "not a regular file");
        }
        checkOwner(p, st);
        if ((st.mode() & 0022) != 0) {
            throw refused(p, "writable by group or others (mode " + octal(st.mode()) + ")");
        }
        if (repair && (st.mode() & 0077) != 0) {
            chmod(p, 0600);
        }
    }

    private void checkOwner(Path p, Node st) {
        if (st.uid() != euid && st.uid() != 0) {
            throw refused(p, "owned by uid " + st.uid() + ", not by you (uid " + euid + ") or root");
        }
    }

    /** The one-line refusal; the database itself is not named twice. */
    private BosunException refused(Path p, String why) {
        boolean isDb = p.equals(db) || p.getFileName() != null && p.getFileName().equals(db.getFileName())
                && lstat(p) != null && lstat(p).type() != Type.DIRECTORY;
        return new BosunException("refusing the state database " + db + ": " + (isDb ? "" : p + " is ") + why);
    }

    private static String octal(int mode) {
        return String.format("%04o", mode);
    }

    private void mkdir(Path p, int mode) {
        try {
            // mkdir never follows a link at p; the mode is given to mkdir, so the directory is never wider.
            Files.createDirectory(p, PosixFilePermissions.asFileAttribute(permissions(mode)));
        } catch (FileAlreadyExistsException e) {
            return; // another Bosun made it first; the checks that follow decide whether it is usable
        } catch (IOException e) {
            throw new BosunException("cannot create the state directory " + p + ": " + describe(e), e);
        }
        chmod(p, mode); // the umask may have taken bits the owner needs (0700 is all the owner's)
    }

    private static void createPrivate(Path p) {
        try (FileChannel c = FileChannel.open(p, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(permissions(0600)))) {
            c.force(true);
        } catch (FileAlreadyExistsException e) {
            // Created by another Bosun meanwhile: checked like any existing database next.
        } catch (IOException e) {
            throw new BosunException("cannot create the state database " + p + ": " + describe(e), e);
        }
    }

    /** chmod on a descriptor opened with O_NOFOLLOW (the JDK's no-follow attribute view), never through a link. */
    private void chmod(Path p, int mode) {
        try {
            Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(permissions(mode));
        } catch (IOException e) {
            throw refused(p, "not repairable to mode " + octal(mode) + ": " + describe(e));
        }
    }

    /** What the checks need of an entry, from lstat (the JDK's "unix" view, not following a link). */
    private enum Type { FILE, DIRECTORY, SYMLINK, OTHER }

    private record Node(Type type, int mode, int uid) {
    }

    private static Node lstat(Path p) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new BosunException("cannot check the state database path " + p + ": " + describe(e), e);
        }
        int mode = (Integer) a.get("mode");
        Type type = switch (mode & 0170000) {
            case 0100000 -> Type.FILE;
            case 0040000 -> Type.DIRECTORY;
            case 0120000 -> Type.SYMLINK;
            default -> Type.OTHER;
        };
        return new Node(type, mode & 07777, (Integer) a.get("uid"));
    }

    /** The permission bits of a mode, as the JDK takes them when it creates a file or directory. */
    static Set<PosixFilePermission> permissions(int mode) {
        PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, 0400 down to 0001
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }

    /** An I/O failure in a message: the JDK's text, which names the path and the errno's words. */
    static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
