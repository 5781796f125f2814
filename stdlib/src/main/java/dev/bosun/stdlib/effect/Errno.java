package dev.bosun.stdlib.effect;

/**
 * The errno values the file layer meets, with the names and texts {@code strerror} would give, so
 * every failed system call reads the same way (the numbers are the asm-generic ones that x86_64 and
 * aarch64 share). A number not listed here is shown as {@code errno N}.
 */
final class Errno {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int EEXIST = 17;
    static final int EXDEV = 18;
    static final int ENOTDIR = 20;
    static final int EISDIR = 21;
    static final int EINVAL = 22;
    static final int ENOSPC = 28;
    static final int EROFS = 30;
    static final int EMLINK = 31;
    static final int ERANGE = 34;
    static final int ENAMETOOLONG = 36;
    static final int ENOSYS = 38;
    static final int ENOTEMPTY = 39;
    static final int ELOOP = 40;
    static final int ENODATA = 61;
    static final int EOPNOTSUPP = 95;

    private Errno() {
    }

    /** The symbolic name, e.g. {@code ENOENT}. */
    static String name(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case EINTR -> "EINTR";
            case 5 -> "EIO";
            case EBADF -> "EBADF";
            case EAGAIN -> "EAGAIN";
            case 12 -> "ENOMEM";
            case EACCES -> "EACCES";
            case EBUSY -> "EBUSY";
            case EEXIST -> "EEXIST";
            case EXDEV -> "EXDEV";
            case ENOTDIR -> "ENOTDIR";
            case EISDIR -> "EISDIR";
            case EINVAL -> "EINVAL";
            case 24 -> "EMFILE";
            case 27 -> "EFBIG";
            case ENOSPC -> "ENOSPC";
            case EROFS -> "EROFS";
            case EMLINK -> "EMLINK";
            case ERANGE -> "ERANGE";
            case ENAMETOOLONG -> "ENAMETOOLONG";
            case ENOSYS -> "ENOSYS";
            case ENOTEMPTY -> "ENOTEMPTY";
            case ELOOP -> "ELOOP";
            case ENODATA -> "ENODATA";
            case 75 -> "EOVERFLOW";
            case EOPNOTSUPP -> "EOPNOTSUPP";
            case 122 -> "EDQUOT";
            default -> "errno " + errno;
        };
    }

    /** What {@code strerror} says, in lower case so it reads inside a sentence. */
    static String describe(int errno) {
        return switch (errno) {
            case EPERM -> "operation not permitted";
            case ENOENT -> "no such file or directory";
            case EINTR -> "interrupted system call";
            case 5 -> "input/output error";
            case EBADF -> "bad file descriptor";
            case EAGAIN -> "resource temporarily unavailable";
            case 12 -> "cannot allocate memory";
            case EACCES -> "permission denied";
            case EBUSY -> "device or resource busy";
            case EEXIST -> "file exists";
            case EXDEV -> "invalid cross-device link";
            case ENOTDIR -> "not a directory";
            case EISDIR -> "is a directory";
            case EINVAL -> "invalid argument";
            case 24 -> "too many open files";
            case 27 -> "file too large";
            case ENOSPC -> "no space left on device";
            case EROFS -> "read-only file system";
            case EMLINK -> "too many links";
            case ERANGE -> "numerical result out of range";
            case ENAMETOOLONG -> "file name too long";
            case ENOSYS -> "function not implemented";
            case ENOTEMPTY -> "directory not empty";
            case ELOOP -> "too many levels of symbolic links";
            case ENODATA -> "no data available";
            case 75 -> "value too large for defined data type";
            case EOPNOTSUPP -> "operation not supported";
            case 122 -> "disk quota exceeded";
            default -> "errno " + errno;
        };
    }
}
