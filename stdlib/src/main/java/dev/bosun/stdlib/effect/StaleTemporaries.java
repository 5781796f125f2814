package dev.bosun.stdlib.effect;

import java.util.ArrayList;
import java.util.List;

import static dev.bosun.stdlib.effect.LinuxFiles.AT_EMPTY_PATH;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_REMOVEDIR;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_SYMLINK_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_CLOEXEC;
import static dev.bosun.stdlib.effect.LinuxFiles.O_DIRECTORY;
import static dev.bosun.stdlib.effect.LinuxFiles.O_RDONLY;

/**
 * Bosun's own temporaries ({@link TempName}) that a killed writer left beside a name: removed at the start of the
 * next write or mkdir of that name, which would have made them. Only an entry that is exactly such a name, a
 * regular file or directory owned by the uid Bosun runs as or by the directory's owner (Bosun gives a temporary
 * its final owner before the rename; anything else under that name is someone else's and stays), whose writer is gone: the PID in its name is not a live process here. A reused PID
 * keeps a temporary until that process ends; a temporary of the old format, without a PID, is stale once it is an
 * hour old (a write takes milliseconds). A directory is removed only when empty, as an interrupted mkdir leaves it.
 */
final class StaleTemporaries {
    static final long OLD_FORMAT_AGE_MILLIS = 3_600_000L;

    /** One stale temporary: its name and what statx said of it. */
    record Stale(String name, Statx stat, long pid) {
    }

    private StaleTemporaries() {
    }

    /** The stale temporaries of {@code base} in {@code dir} (a descriptor of the directory, O_PATH is enough). */
    static List<Stale> of(Fd dir, String base, int euid) {
        List<Stale> out = new ArrayList<>();
        List<LinuxFiles.DirEntry> entries;
        try (Fd d = Fd.of(LinuxFiles.openat(dir.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0))) {
            entries = LinuxFiles.entries(d.get());
        }
        int dirOwner = LinuxFiles.statx(dir.get(), "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW).uid();
        for (LinuxFiles.DirEntry e : entries) {
            Long pid = TempName.writerPid(e.name(), base);
            if (pid == null) {
                continue;
            }
            Statx st;
            try {
                st = LinuxFiles.statx(dir.get(), e.name(), AT_SYMLINK_NOFOLLOW);
            } catch (SyscallException gone) {
                continue;
            }
            if (stale(st, pid, euid, dirOwner)) {
                out.add(new Stale(e.name(), st, pid));
            }
        }
        return out;
    }

    private static boolean stale(Statx st, long pid, int euid, int dirOwner) {
        if ((!st.isRegularFile() && !st.isDirectory()) || (st.uid() != euid && st.uid() != dirOwner)) {
            return false;
        }
        if (pid == TempName.NO_PID) {
            return System.currentTimeMillis() - st.mtimeMillis() > OLD_FORMAT_AGE_MILLIS;
        }
        return ProcessHandle.of(pid).isEmpty();
    }

    /**
     * Removes one, if it is still the inode that was found stale (nothing is removed that was swapped in since);
     * false when it is gone or, for a directory, no longer empty.
     */
    static boolean remove(Fd dir, Stale s) {
        try {
            Statx now = LinuxFiles.statx(dir.get(), s.name(), AT_SYMLINK_NOFOLLOW);
            if (!now.sameInode(s.stat()) || now.uid() != s.stat().uid()) {
                return false;
            }
            LinuxFiles.unlinkat(dir.get(), s.name(), now.isDirectory() ? AT_REMOVEDIR : 0);
            return true;
        } catch (SyscallException e) {
            if (e.is(Errno.ENOENT) || e.is(Errno.ENOTEMPTY) || e.is(Errno.EEXIST)) {
                return false;
            }
            throw e;
        }
    }
}
