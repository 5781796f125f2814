package dev.bosun.stdlib.effect;

/**
 * A file descriptor with one owner that closes it once. A borrowed descriptor (the session's root)
 * is used like any other but closing it does nothing: its owner closes it.
 */
final class Fd implements AutoCloseable {
    private final int value;
    private final boolean owned;
    private boolean closed;

    private Fd(int value, boolean owned) {
        this.value = value;
        this.owned = owned;
    }

    static Fd of(int value) {
        return new Fd(value, true);
    }

    static Fd borrowed(int value) {
        return new Fd(value, false);
    }

    /** The descriptor number, for a system call. */
    int get() {
        if (closed) {
            throw new IllegalStateException("descriptor " + value + " is closed");
        }
        return value;
    }

    /** The {@code /proc/self/fd} path of this descriptor (the kernel resolves it to the very inode held). */
    String procPath() {
        return "/proc/self/fd/" + get();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (owned) {
                LinuxFiles.close(value);
            }
        }
    }
}
