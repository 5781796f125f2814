package dev.bosun.stdlib.effect;

import dev.bosun.api.FileStat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** lstat through the JDK's "unix" attribute view (uid, gid, mode and rdev, numerically). */
final class Stat {
    private static final int S_IFMT = 0170000;

    private Stat() {
    }

    static FileStat of(Path p) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:mode,uid,gid,size,lastModifiedTime,rdev", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new dev.bosun.api.BosunException("cannot stat " + p + ": " + e.getMessage(), e);
        }
        int mode = (Integer) a.get("mode");
        long rdev = (Long) a.get("rdev");
        FileStat.Type type = switch (mode & S_IFMT) {
            case 0100000 -> FileStat.Type.FILE;
            case 0040000 -> FileStat.Type.DIRECTORY;
            case 0120000 -> FileStat.Type.SYMLINK;
            case 0020000 -> FileStat.Type.CHAR_DEVICE;
            case 0060000 -> FileStat.Type.BLOCK_DEVICE;
            case 0010000 -> FileStat.Type.FIFO;
            case 0140000 -> FileStat.Type.SOCKET;
            default -> FileStat.Type.OTHER;
        };
        String target = null;
        if (type == FileStat.Type.SYMLINK) {
            try {
                target = Files.readSymbolicLink(p).toString();
            } catch (IOException e) {
                target = "?";
            }
        }
        boolean device = type == FileStat.Type.CHAR_DEVICE || type == FileStat.Type.BLOCK_DEVICE;
        return new FileStat(type, mode & 07777, (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("size"),
                ((FileTime) a.get("lastModifiedTime")).toMillis(),
                device ? major(rdev) : 0, device ? minor(rdev) : 0, target);
    }

    /** glibc's gnu_dev_major. */
    static int major(long dev) {
        return (int) (((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0x00000fffL));
    }

    /** glibc's gnu_dev_minor. */
    static int minor(long dev) {
        return (int) (((dev >>> 12) & 0xffffff00L) | (dev & 0x000000ffL));
    }
}
