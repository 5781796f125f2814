package dev.bosun.stdlib.effect;

/**
 * A system call of {@link LinuxFiles} that failed, with its errno. The file layer turns it into a
 * {@link dev.bosun.api.BosunException} that names the host path the user asked for; the message of
 * this exception is the errno text alone ({@code no such file or directory}), ready for that.
 */
final class SyscallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    SyscallException(String call, int errno) {
        super(Errno.describe(errno), null, false, false);
        this.call = call;
        this.errno = errno;
    }

    /** The failed call, e.g. {@code openat2}. */
    String call() {
        return call;
    }

    int errno() {
        return errno;
    }

    boolean is(int value) {
        return errno == value;
    }

    /** The call, the errno's name and its text, for verbose output: {@code renameat: EXDEV (invalid cross-device link)}. */
    String detail() {
        return call + ": " + Errno.name(errno) + " (" + Errno.describe(errno) + ")";
    }
}
