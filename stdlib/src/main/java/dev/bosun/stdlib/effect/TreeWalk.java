package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;

import java.util.ArrayList;
import java.util.List;

import static dev.bosun.stdlib.effect.LinuxFiles.AT_SYMLINK_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_CLOEXEC;
import static dev.bosun.stdlib.effect.LinuxFiles.O_DIRECTORY;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_RDONLY;

/**
 * Reads a directory tree on descriptors for {@link Fs#walk}: entries listed with {@code getdents64},
 * looked at with {@code statx(AT_SYMLINK_NOFOLLOW)} relative to their directory, subdirectories opened
 * {@code O_DIRECTORY|O_NOFOLLOW} relative to it. Links are reported, never entered; an entry that
 * vanishes or changes kind while being read is skipped (the tree is someone's live data).
 */
final class TreeWalk {
    private TreeWalk() {
    }

    /** Visits the entries below the open directory {@code dir}, whose host path is {@code shown}. */
    static void walk(Fd dir, String shown, Fs.Visitor visitor) {
        List<String> names = new ArrayList<>();
        for (LinuxFiles.DirEntry e : LinuxFiles.entries(dir.get())) {
            names.add(e.name());
        }
        names.sort(null);
        String prefix = shown.equals("/") ? "/" : shown + "/";
        for (String name : names) {
            Statx st;
            try {
                st = LinuxFiles.statx(dir.get(), name, AT_SYMLINK_NOFOLLOW);
            } catch (SyscallException e) {
                if (e.is(Errno.ENOENT)) {
                    continue;
                }
                throw e;
            }
            String path = prefix + name;
            boolean descend = visitor.visit(new Entry(dir, name, path, st));
            if (!descend || !st.isDirectory()) {
                continue;
            }
            Fd sub;
            try {
                sub = Fd.of(LinuxFiles.openat(dir.get(), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0));
            } catch (SyscallException e) {
                if (e.is(Errno.ENOENT) || e.is(Errno.ELOOP) || e.is(Errno.ENOTDIR)) {
                    continue;
                }
                throw e;
            }
            try (sub) {
                walk(sub, path, visitor);
            }
        }
    }

    /** One entry during its callback: the directory descriptor is open only then. */
    private record Entry(Fd dir, String name, String path, Statx st) implements Fs.Entry {
        @Override
        public FileStat stat() {
            String target = null;
            if (st.isSymlink()) {
                try {
                    target = LinuxFiles.readlinkat(dir.get(), name);
                } catch (SyscallException e) {
                    target = "?";
                }
            }
            return st.toFileStat(target);
        }

        @Override
        public byte[] xattr(String attr) {
            try {
                return RootedFiles.xattrOf(dir, name, null, attr);
            } catch (SyscallException e) {
                throw new BosunException("cannot read xattr " + attr + " of " + path + ": " + e.getMessage(), e);
            }
        }
    }
}
