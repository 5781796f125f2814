package dev.bosun.shell.plugins;

import java.nio.file.Path;

/**
 * A plugin file or directory PF4J could not even load (no usable descriptor, bundled host classes,
 * duplicate id, unreadable zip), so there is no plugin id to report it under.
 *
 * @param path   what was found in a plugin directory
 * @param reason one line
 */
record PluginProblem(Path path, String reason) {
}
