package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.WriteOptions;

import static dev.bosun.stdlib.effect.LinuxFiles.AT_EMPTY_PATH;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_SYMLINK_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_CLOEXEC;
import static dev.bosun.stdlib.effect.LinuxFiles.O_DIRECTORY;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NOCTTY;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NONBLOCK;
import static dev.bosun.stdlib.effect.LinuxFiles.O_RDONLY;

/**
 * Replaces a file in a directory Bosun holds a descriptor of: a new temp file beside it
 * ({@link NewFile}: O_EXCL|O_NOFOLLOW, 0600), the content written and fsynced, owner and mode set on
 * the temp's descriptor, {@code renameat} over the name (a link there is replaced, never followed),
 * then the directory fsynced. A crash leaves the old file or the new one, never a torn one; a
 * failure removes the temp. A backup ({@code passwd-}) is written the same way.
 */
final class AtomicWrite {
    private AtomicWrite() {
    }

    /**
     * @param dir      the directory holding the file
     * @param name     the file's name in it
     * @param existing what is there now (lstat), or null
     * @param shown    the host path, for messages
     */
    static void write(Fd dir, String name, Statx existing, byte[] content, WriteOptions o, String shown) {
        if (existing != null && existing.isDirectory()) {
            throw new BosunException("cannot write " + shown + ": it is a directory");
        }
        // Only a regular file's owner and mode are kept; a link or device there is simply replaced.
        boolean keep = existing != null && existing.isRegularFile();
        int mode = o.mode() != null ? o.mode() : keep ? existing.permissions() : 0644;
        Integer uid = o.uid() != null ? o.uid() : keep ? Integer.valueOf(existing.uid()) : null;
        Integer gid = o.gid() != null ? o.gid() : keep ? Integer.valueOf(existing.gid()) : null;
        try {
            if (keep && o.backupSuffix() != null) {
                byte[] old = readExisting(dir, name, existing);
                if (old == null) {
                    throw new BosunException("cannot write " + shown + ": it was replaced by another program while "
                            + "Bosun wrote it; try again");
                }
                replace(dir, name + o.backupSuffix(), old, existing.permissions(), existing.uid(), existing.gid(), null,
                        shown + o.backupSuffix());
            }
            replace(dir, name, content, mode, uid, gid, o.tempSuffix() == null ? null : name + o.tempSuffix(), shown);
        } catch (SyscallException e) {
            throw new BosunException("cannot write " + shown + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code content} to a temp name ({@code fixedTemp}, or a unique hidden one) and renames it to {@code name}. */
    static void replace(Fd dir, String name, byte[] content, int mode, Integer uid, Integer gid, String fixedTemp,
                        String shown) {
        String tmpName;
        Fd tmp;
        if (fixedTemp != null) {
            tmpName = fixedTemp;
            String shownTemp = shown.endsWith(name) ? shown.substring(0, shown.length() - name.length()) + fixedTemp
                    : fixedTemp;
            tmp = NewFile.replacing(dir, fixedTemp, shownTemp, "cannot write " + shown);
        } else {
            NewFile.Created c = NewFile.unique(dir, name);
            tmpName = c.name();
            tmp = c.fd();
        }
        boolean renamed = false;
        try (tmp) {
            LinuxFiles.writeAll(tmp.get(), content);
            Attributes.onOpenFile(tmp, mode, uid, gid);
            LinuxFiles.fsync(tmp.get());
            Statx ours = LinuxFiles.statx(tmp.get(), "", AT_EMPTY_PATH);
            LinuxFiles.renameat(dir.get(), tmpName, dir.get(), name);
            renamed = true;
            // Whoever owns the directory can rename another file over the temp name before our rename;
            // then what now sits at the name is theirs, not ours: say so rather than report success.
            if (!LinuxFiles.statx(dir.get(), name, AT_SYMLINK_NOFOLLOW).sameInode(ours)) {
                throw new BosunException("cannot write " + shown + ": its temporary file " + tmpName
                        + " was replaced by someone else while Bosun wrote it");
            }
        } catch (RuntimeException e) {
            if (!renamed) {
                removeQuietly(dir, tmpName);
            }
            throw e;
        }
        syncDirectory(dir);
    }

    /**
     * The current content of a regular file, read through a descriptor that is checked to be that file; null when
     * another file has been renamed over the name since the walk (the caller walks again).
     */
    static byte[] readExisting(Fd dir, String name, Statx expected) {
        try (Fd in = Fd.of(LinuxFiles.openat(dir.get(), name,
                O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0))) {
            if (!LinuxFiles.statx(in.get(), "", AT_EMPTY_PATH).sameInode(expected)) {
                return null;
            }
            return LinuxFiles.readAll(in.get());
        }
    }

    /** fsyncs a directory (a rename is durable only then); some file systems refuse, the rename is atomic anyway. */
    static void syncDirectory(Fd dir) {
        try (Fd d = Fd.of(LinuxFiles.openat(dir.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0))) {
            LinuxFiles.fsync(d.get());
        } catch (SyscallException e) {
            // EINVAL/EROFS and friends: nothing more to make durable here.
        }
    }

    private static void removeQuietly(Fd dir, String name) {
        try {
            LinuxFiles.unlinkat(dir.get(), name, 0);
        } catch (SyscallException e) {
            // The write already failed; its error is the one worth showing.
        }
    }
}
