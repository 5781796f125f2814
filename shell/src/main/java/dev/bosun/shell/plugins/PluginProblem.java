package dev.bosun.shell.plugins;

import java.nio.file.Path;

/**
 * A plugin file or directory that could not even be loaded (no usable descriptor, bundled host classes,
 * duplicate id, unreadable zip, refused by StrictModes), so there is no plugin id to report it under.
 *
 * @param path   what was found in a plugin directory (or the directory)
 * @param label  what {@code plugins list} and the skip line call it: the file name, or for StrictModes the full
 *               path (the reason talks about the directories above it)
 * @param reason one line
 */
record PluginProblem(Path path, String label, String reason) {
    PluginProblem(Path path, String reason) {
        this(path, path.getFileName() == null ? path.toString() : path.getFileName().toString(), reason);
    }

    /** A path StrictModes refused, with the rule said after the reason. */
    static PluginProblem untrusted(Path path, String why) {
        return new PluginProblem(path, path.toAbsolutePath().toString(), why + "; " + StrictModes.RULE);
    }
}
