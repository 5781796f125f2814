package dev.bosun.shell.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What {@code --root DIR} must be: an operating-system tree, i.e. a directory with {@code etc/passwd} and
 * {@code etc/group}. Anything less (a missing directory, an empty one, a typo) is refused before anything
 * runs, instead of failing later inside shadow-utils with a message about Bosun's scratch files.
 */
final class AlternateRoot {
    private AlternateRoot() {
    }

    /** Throws a {@link UsageException} naming what is missing; {@code null} (the live root) passes. */
    static void check(Path root) {
        if (root == null || root.toAbsolutePath().normalize().toString().equals("/")) {
            return;
        }
        String shown = root.toString();
        String make = "; make a scratch root to try Bosun on with: bosun scratch-root " + shown;
        if (!Files.exists(root)) {
            throw new UsageException("--root " + shown + ": no such directory" + make);
        }
        if (!Files.isDirectory(root)) {
            throw new UsageException("--root " + shown + ": not a directory");
        }
        for (String f : new String[]{"etc/passwd", "etc/group"}) {
            if (!Files.isRegularFile(root.resolve(f), LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException("--root " + shown + " is not an operating-system tree: it has no " + f
                        + " (a root needs at least etc/passwd and etc/group)" + make);
            }
        }
    }
}
