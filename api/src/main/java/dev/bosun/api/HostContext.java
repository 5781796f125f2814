package dev.bosun.api;

import java.nio.file.Path;

/**
 * The one way to the host. Every read and write of files, every command, every planned change and
 * every stored record goes through here, so that dry-run, alternate roots and the audit trail work
 * for every module without the module doing anything special.
 */
public interface HostContext {
    /** Files under the host root; writes are atomic and planned. */
    Fs fs();

    /** Commands, argv only; mutating ones are planned, and under dry-run not run or run against a scratch view. */
    Exec exec();

    /** The changes made (or, under dry-run, that would be made) by this session. */
    Plan plan();

    /** Probes of the live kernel's character devices (KVM ioctls); read-only by construction. */
    Devices devices();

    /** Bosun's SQLite store for allocations and the audit log. */
    State state();

    /** True under {@code --dry-run}: nothing on the host may change. */
    boolean dryRun();

    /** The host root: {@code /} or the directory given with {@code --root}. */
    Path root();

    /** True when the root is the live system ({@code /}), so live-only facts (processes, systemd, mounts) apply. */
    default boolean liveRoot() {
        return root().toString().equals("/");
    }

    /** Who runs Bosun. */
    Caller caller();

    /** Where the current call comes from: {@code repl}, {@code -e}, or the script path. */
    String source();
}
