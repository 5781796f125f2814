package dev.bosun.stdlib.overlay;

import dev.bosun.api.FileStat;
import dev.bosun.api.Fs;

/** Entries and bytes of an upper layer (lstat sizes of regular files; symlinks are not followed). */
record UpperUsage(long entries, long bytes) {
    static UpperUsage of(Fs fs, String upper) {
        FileStat top = fs.stat(upper);
        if (top == null || top.type() != FileStat.Type.DIRECTORY) {
            return new UpperUsage(0, 0);
        }
        long[] acc = new long[2];
        fs.walk(upper, e -> {
            // The kind comes from the listing; only files are stat'ed (for their size), before anything is counted,
            // so an entry that vanishes meanwhile is skipped whole.
            long size = e.type() == FileStat.Type.FILE ? e.stat().size() : 0;
            acc[0]++;
            acc[1] += size;
            return true;
        });
        return new UpperUsage(acc[0], acc[1]);
    }
}
