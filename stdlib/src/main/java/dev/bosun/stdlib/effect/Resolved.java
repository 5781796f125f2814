package dev.bosun.stdlib.effect;

/**
 * Where a walk of {@link Resolver} ended: the directory that holds the last component (an
 * {@code O_PATH} descriptor for the {@code *at} calls), the component's name, and the entry itself when
 * it exists (an {@code O_PATH|O_NOFOLLOW} descriptor and its metadata). Owns its descriptors.
 *
 * <p>Three shapes: the entry exists ({@link #entry()} set); only the entry is missing ({@link #parent()}
 * set, entry null); or a directory on the way is missing or is not a directory ({@link #unreachable()}
 * says which, and neither descriptor is set). The root itself has no parent and no name.
 */
final class Resolved implements AutoCloseable {
    private final Fd parent;
    private final Statx parentStat;
    private final String name;
    private final Fd entry;
    private final Statx stat;
    private final SyscallException unreachable;

    private Resolved(Fd parent, Statx parentStat, String name, Fd entry, Statx stat, SyscallException unreachable) {
        this.parent = parent;
        this.parentStat = parentStat;
        this.name = name;
        this.entry = entry;
        this.stat = stat;
        this.unreachable = unreachable;
    }

    static Resolved found(Fd parent, Statx parentStat, String name, Fd entry, Statx stat) {
        return new Resolved(parent, parentStat, name, entry, stat, null);
    }

    static Resolved absent(Fd parent, Statx parentStat, String name) {
        return new Resolved(parent, parentStat, name, null, null, null);
    }

    static Resolved unreachable(SyscallException why) {
        return new Resolved(null, null, null, null, null, why);
    }

    /** The holding directory, or null for the root itself and for an unreachable path. */
    Fd parent() {
        return parent;
    }

    Statx parentStat() {
        return parentStat;
    }

    /** The last component's name in {@link #parent()}, or null for the root itself. */
    String name() {
        return name;
    }

    /** The entry, or null when nothing is there. */
    Fd entry() {
        return entry;
    }

    /** The entry's metadata, or null when nothing is there. */
    Statx stat() {
        return stat;
    }

    boolean exists() {
        return entry != null;
    }

    /** Why the holding directory could not be reached (ENOENT or ENOTDIR), or null. */
    SyscallException unreachable() {
        return unreachable;
    }

    /** The holding directory; fails with the reason when the path's parent is missing or is the root. */
    Fd requireParent() {
        if (unreachable != null) {
            throw unreachable;
        }
        if (parent == null) {
            throw new SyscallException("openat2", Errno.EBUSY);
        }
        return parent;
    }

    @Override
    public void close() {
        try {
            if (entry != null) {
                entry.close();
            }
        } finally {
            if (parent != null) {
                parent.close();
            }
        }
    }
}
