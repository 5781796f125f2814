package dev.bosun.stdlib.effect;

import dev.bosun.api.FileStat;

/**
 * What {@code statx(2)} says about one inode, as the file layer uses it: type and permission bits, owner,
 * size, times, device numbers and the mount it belongs to (the mount id and the "mount root" attribute
 * are how a tree delete notices that it is about to enter another file system).
 *
 * @param mode      {@code st_mode}: file type and permission bits
 * @param mountId   the mount's id, or -1 when the kernel does not report it (before 5.8)
 * @param mountRoot true when the inode is the root of a mount ({@code STATX_ATTR_MOUNT_ROOT})
 */
record Statx(int mode, int uid, int gid, int nlink, long ino, long size, long mtimeMillis,
             int rdevMajor, int rdevMinor, int devMajor, int devMinor, long mountId, boolean mountRoot) {
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    boolean isSymlink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    /** Permission bits with setuid, setgid and sticky ({@code 07777}). */
    int permissions() {
        return mode & 07777;
    }

    /** True when both name the same inode on the same device (a re-opened file is the one that was checked). */
    boolean sameInode(Statx other) {
        return ino == other.ino && devMajor == other.devMajor && devMinor == other.devMinor;
    }

    /**
     * True when the inode is a mount point or lives on another mount than {@code reference}: a tree
     * delete must not enter it. The mount id decides, not the device: a btrfs subvolume has its own
     * device number but is part of the same mount, and a container may create one in its upper layer.
     */
    boolean onOtherMountThan(Statx reference) {
        if (mountRoot) {
            return true;
        }
        if (mountId >= 0 && reference.mountId >= 0) {
            return mountId != reference.mountId;
        }
        return devMajor != reference.devMajor || devMinor != reference.devMinor;
    }

    FileStat.Type type() {
        return switch (mode & S_IFMT) {
            case S_IFREG -> FileStat.Type.FILE;
            case S_IFDIR -> FileStat.Type.DIRECTORY;
            case S_IFLNK -> FileStat.Type.SYMLINK;
            case 0020000 -> FileStat.Type.CHAR_DEVICE;
            case 0060000 -> FileStat.Type.BLOCK_DEVICE;
            case 0010000 -> FileStat.Type.FIFO;
            case 0140000 -> FileStat.Type.SOCKET;
            default -> FileStat.Type.OTHER;
        };
    }

    /** The API's view; {@code linkTarget} is the link's text for a symlink, else null. */
    FileStat toFileStat(String linkTarget) {
        FileStat.Type t = type();
        boolean device = t == FileStat.Type.CHAR_DEVICE || t == FileStat.Type.BLOCK_DEVICE;
        return new FileStat(t, permissions(), uid, gid, size, mtimeMillis, device ? rdevMajor : 0,
                device ? rdevMinor : 0, t == FileStat.Type.SYMLINK ? linkTarget : null);
    }
}
