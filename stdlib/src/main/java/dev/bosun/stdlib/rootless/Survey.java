package dev.bosun.stdlib.rootless;

import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;
import dev.bosun.stdlib.kvm.Accounts;

import java.time.Duration;

/**
 * What every finding reads: the session's files (the root's), the programs on its PATH, the merged containers.conf,
 * the subject user (null: host-wide findings only) and, on the live root only, the versions the programs print.
 */
final class Survey {
    static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

    final HostContext ctx;
    final Fs fs;
    final Programs programs;
    final Accounts accounts;
    final Subject subject;
    final ContainersConf conf;

    Survey(HostContext ctx, Accounts accounts, Subject subject) {
        this.ctx = ctx;
        this.fs = ctx.fs();
        this.programs = new Programs(fs);
        this.accounts = accounts;
        this.subject = subject;
        this.conf = ContainersConf.read(fs, subject == null ? null : subject.home());
    }

    /**
     * The first line a program prints for {@code --version}: a read-only command through the effect boundary, run on
     * the live root only (under {@code --root DIR} it would run this machine's program, not DIR's). Null when not
     * asked; a failed run gives {@code Version.failed}.
     */
    Version version(Programs.Found program) {
        if (!ctx.liveRoot()) {
            return null;
        }
        ExecResult r = ctx.exec().run(Command.of(program.path(), "--version").readOnly().unchecked()
                .withTimeout(VERSION_TIMEOUT));
        String out = r.stdout().strip();
        if (!r.ok() || out.isEmpty()) {
            String err = r.stderr().strip();
            return new Version(null, program.path() + " --version exited " + r.exitCode()
                    + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse("")));
        }
        return new Version(out.lines().findFirst().orElse(""), null);
    }

    /**
     * A program's version line, or why it could not be had.
     *
     * @param line    the first line of {@code --version}, or null
     * @param failure what went wrong, or null
     */
    record Version(String line, String failure) {
    }

    /** Why a live-only fact is missing under {@code --root}. */
    String notUnderRoot(String what) {
        return what + " not run under --root " + ctx.root() + " (it would run this machine's program, not the root's)";
    }
}
