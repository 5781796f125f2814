package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;

import java.util.Comparator;
import java.util.List;

import static dev.bosun.stdlib.effect.LinuxFiles.AT_EMPTY_PATH;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_SYMLINK_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_CLOEXEC;
import static dev.bosun.stdlib.effect.LinuxFiles.O_DIRECTORY;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_RDONLY;

/**
 * Reads a directory tree on descriptors for {@link Fs#walk}: entries listed with {@code getdents64},
 * subdirectories opened {@code O_DIRECTORY|O_NOFOLLOW} relative to their directory. Links are reported,
 * never entered, and so is a directory on another mount than the walk's top (a mount point, or anything
 * mounted below the tree): its content is not visited, as with {@code find -xdev}.
 *
 * <p>One pass with at most one {@code statx} per entry, and none until it is asked for: an entry's kind comes
 * from the directory listing ({@code d_type}; {@code statx(AT_SYMLINK_NOFOLLOW)} relative to the directory
 * only where the file system does not say), its metadata from {@code statx} on the first {@link Entry#stat()}.
 * Each directory level reuses one entry object (an entry is valid during its callback only), so a walk of
 * 100,000 files makes no per-file garbage beyond the listing's names. An entry that vanishes or changes kind
 * while being read is skipped, also when that is noticed inside the callback (the tree is someone's live data).
 */
final class TreeWalk {
    private static final int DT_FIFO = 1;
    private static final int DT_CHR = 2;
    private static final int DT_DIR = 4;
    private static final int DT_BLK = 6;
    private static final int DT_REG = 8;
    private static final int DT_LNK = 10;
    private static final int DT_SOCK = 12;

    private TreeWalk() {
    }

    /** Visits the entries below the open directory {@code dir}, whose host path is {@code shown}. */
    static void walk(Fd dir, String shown, Fs.Visitor visitor) {
        walk(dir, shown, LinuxFiles.statx(dir.get(), "", AT_EMPTY_PATH), visitor);
    }

    private static void walk(Fd dir, String shown, Statx top, Fs.Visitor visitor) {
        List<LinuxFiles.DirEntry> listed = LinuxFiles.entries(dir.get());
        listed.sort(Comparator.comparing(LinuxFiles.DirEntry::name));
        Entry e = new Entry(dir, shown.equals("/") ? "/" : shown + "/");
        for (LinuxFiles.DirEntry d : listed) {
            boolean descend;
            try {
                e.reset(d.name(), typeOf(d.dtype()));
                descend = visitor.visit(e);
            } catch (Vanished v) {
                continue;
            }
            if (!descend || e.type() != FileStat.Type.DIRECTORY) {
                continue;
            }
            Fd sub;
            try {
                sub = Fd.of(LinuxFiles.openat(dir.get(), d.name(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0));
            } catch (SyscallException x) {
                if (x.is(Errno.ENOENT) || x.is(Errno.ELOOP) || x.is(Errno.ENOTDIR)) {
                    continue;
                }
                throw x;
            }
            try (sub) {
                // Checked on the opened descriptor, so a mount made between the listing and the open is seen too.
                if (!LinuxFiles.statx(sub.get(), "", AT_EMPTY_PATH).onOtherMountThan(top)) {
                    walk(sub, e.path(), top, visitor);
                }
            }
        }
    }

    /** The kind {@code getdents64} reports, or null when the file system leaves it unknown. */
    private static FileStat.Type typeOf(int dtype) {
        return switch (dtype) {
            case DT_REG -> FileStat.Type.FILE;
            case DT_DIR -> FileStat.Type.DIRECTORY;
            case DT_LNK -> FileStat.Type.SYMLINK;
            case DT_CHR -> FileStat.Type.CHAR_DEVICE;
            case DT_BLK -> FileStat.Type.BLOCK_DEVICE;
            case DT_FIFO -> FileStat.Type.FIFO;
            case DT_SOCK -> FileStat.Type.SOCKET;
            default -> null;
        };
    }

    /** The entry went away while it was being read: the walk skips it. */
    private static final class Vanished extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Vanished() {
            super(null, null, false, false);
        }
    }

    /** The entries of one directory, one at a time: the directory descriptor is open only during the callback. */
    private static final class Entry implements Fs.Entry {
        private final Fd dir;
        private final String prefix;
        private String name;
        private FileStat.Type type;
        private String path;
        private Statx st;
        private FileStat stat;

        Entry(Fd dir, String prefix) {
            this.dir = dir;
            this.prefix = prefix;
        }

        /** The next entry; its kind from the listing, or from {@code statx} now when the listing has none. */
        void reset(String entryName, FileStat.Type listed) {
            this.name = entryName;
            this.path = null;
            this.st = null;
            this.stat = null;
            this.type = null;
            this.type = listed != null ? listed : statx().type();
        }

        private Statx statx() {
            if (st == null) {
                try {
                    st = LinuxFiles.statx(dir.get(), name, AT_SYMLINK_NOFOLLOW);
                } catch (SyscallException e) {
                    if (e.is(Errno.ENOENT)) {
                        throw new Vanished();
                    }
                    throw e;
                }
                if (type != null && st.type() != type) {
                    throw new Vanished(); // replaced by another kind since the listing: not the entry listed
                }
            }
            return st;
        }

        @Override
        public String path() {
            if (path == null) {
                path = prefix + name;
            }
            return path;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public FileStat.Type type() {
            return type;
        }

        @Override
        public FileStat stat() {
            if (stat == null) {
                Statx s = statx();
                String target = null;
                if (s.isSymlink()) {
                    try {
                        target = LinuxFiles.readlinkat(dir.get(), name);
                    } catch (SyscallException e) {
                        target = "?";
                    }
                }
                stat = s.toFileStat(target);
            }
            return stat;
        }

        @Override
        public byte[] xattr(String attr) {
            try {
                return RootedFiles.xattrOf(dir, name, null, attr);
            } catch (SyscallException e) {
                if (e.is(Errno.ENOENT)) {
                    throw new Vanished();
                }
                throw new BosunException("cannot read xattr " + attr + " of " + path() + ": " + e.getMessage(), e);
            }
        }
    }
}
