package dev.bosun.stdlib.overlay;

import dev.bosun.api.Fs;

/**
 * Where an overlay's directories live, as host paths: {@code DATADIR/overlays/<name>/{upper,work,merged}}
 * (sdme's {@code containers/<name>/...}). Modes are sdme's: upper becomes the root of the merged view
 * and must be world-traversable, work is overlayfs' private scratch space.
 */
record Layout(String datadir, String name) {
    static final int DIR_MODE = 0755;
    static final int OVERLAYS_MODE = 0700;
    static final int UPPER_MODE = 0755;
    static final int WORK_MODE = 0700;
    static final int MERGED_MODE = 0755;

    String overlays() {
        return Fs.join(datadir, "overlays");
    }

    String dir() {
        return Fs.join(overlays(), name);
    }

    String upper() {
        return Fs.join(dir(), "upper");
    }

    String work() {
        return Fs.join(dir(), "work");
    }

    String merged() {
        return Fs.join(dir(), "merged");
    }

    /** The upper-layer directory that stands for a path of the merged tree, e.g. {@code /var/log}. */
    String upperOf(String mergedPath) {
        return upper() + mergedPath;
    }
}
