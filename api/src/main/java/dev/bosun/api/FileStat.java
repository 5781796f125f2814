package dev.bosun.api;

/**
 * File metadata as {@code lstat} gives it.
 *
 * @param type   the kind of file
 * @param mode   permission bits including setuid/setgid/sticky ({@code 07777})
 * @param uid    numeric owner
 * @param gid    numeric group
 * @param size   size in bytes
 * @param mtimeMillis modification time
 * @param rdevMajor device major number for device files, else 0
 * @param rdevMinor device minor number for device files, else 0
 * @param linkTarget target of a symlink, else null
 */
public record FileStat(Type type, int mode, int uid, int gid, long size, long mtimeMillis,
                       int rdevMajor, int rdevMinor, String linkTarget) {
    public enum Type {
        FILE("file"), DIRECTORY("directory"), SYMLINK("symlink"), CHAR_DEVICE("char-device"),
        BLOCK_DEVICE("block-device"), FIFO("fifo"), SOCKET("socket"), OTHER("other");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Mode as four octal digits, e.g. {@code 0644}. */
    public String octalMode() {
        return String.format("%04o", mode);
    }
}
