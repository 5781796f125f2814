package dev.bosun.api;

import org.pf4j.ExtensionPoint;

/**
 * The extension point every module implements, built-in or from a plugin. The class carries
 * {@link Module}; its {@link Op} methods are the operations. Modules keep no per-call state: the
 * {@link HostContext} handed to each operation is the only way to the host.
 */
public interface HostModule extends ExtensionPoint {
}
