package dev.bosun.api;

/**
 * How {@link Fs#write} replaces a file.
 *
 * @param mode         permission bits for the new file; null keeps the existing file's, or 0644 for a new one
 * @param uid          numeric owner; null keeps the existing file's, or the process's for a new one
 * @param gid          numeric group; null as for uid
 * @param backupSuffix when set, the old content is kept next to the file with this suffix (shadow-utils uses {@code -})
 * @param tempSuffix   when set, the new content is written to the file name plus this suffix before the
 *                     rename (shadow-utils uses {@code +}); otherwise a unique hidden temp name is used
 */
public record WriteOptions(Integer mode, Integer uid, Integer gid, String backupSuffix, String tempSuffix) {
    public static final WriteOptions DEFAULT = new WriteOptions(null, null, null, null, null);

    public WriteOptions {
        if (mode != null && (mode < 0 || mode > 07777)) {
            throw new InvalidValueException("mode", mode + " must be between 0 and 07777");
        }
    }

    public static WriteOptions mode(int mode) {
        return DEFAULT.withMode(mode);
    }

    public WriteOptions withMode(Integer newMode) {
        return new WriteOptions(newMode, uid, gid, backupSuffix, tempSuffix);
    }

    public WriteOptions withOwner(Integer newUid, Integer newGid) {
        return new WriteOptions(mode, newUid, newGid, backupSuffix, tempSuffix);
    }

    public WriteOptions withBackup(String suffix) {
        return new WriteOptions(mode, uid, gid, suffix, tempSuffix);
    }

    public WriteOptions withTempSuffix(String suffix) {
        return new WriteOptions(mode, uid, gid, backupSuffix, suffix);
    }
}
