package dev.bosun.stdlib.users;

import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * shadow-utils commands pointed at the host root with {@code --prefix}. The file list is what the tools
 * read and write below the prefix (host-ops reference §4.2), so a dry-run copies exactly those into the
 * scratch view and plans their diff. Under an alternate root every run is preceded by the
 * {@link ShadowPreflight}: the tools follow links, the check makes sure there are none to follow.
 */
final class ShadowCommands {
    static final List<String> ACCOUNT_FILES = List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow",
            "/etc/subuid", "/etc/subgid", "/etc/login.defs", "/etc/default/useradd");

    private ShadowCommands() {
    }

    /** A mutating shadow-utils command on the account files (and any extra paths it creates below the root). */
    static Command of(List<String> argv, String... extraPaths) {
        List<String> files = new ArrayList<>(ACCOUNT_FILES);
        files.addAll(List.of(extraPaths));
        return Command.of(argv).withPrefix("--prefix", files);
    }

    /**
     * Runs a tool on the account databases after the pre-flight: the live host's hooks for the
     * tool, login.defs, whatever {@code more} adds for this call (home, skeleton, mail spool), and last the
     * databases with their backups, temporaries and locks (the one check that removes stale links, so it
     * comes after every other refusal), then the stale temporaries of killed writers are removed
     * ({@link AccountTemporaries}). Nothing runs and nothing changes when a check refuses.
     */
    static ExecResult run(HostContext ctx, List<String> argv, Consumer<ShadowPreflight> more,
                          String... extraPaths) {
        ShadowPreflight check = ShadowPreflight.of(ctx)
                .hostHooks(argv.getFirst())
                .readable(LoginDefs.PATH);
        more.accept(check);
        check.accountFiles(ShadowPreflight.DATABASES);
        AccountTemporaries.sweep(ctx, ShadowPreflight.DATABASES);
        return ctx.exec().run(of(argv, extraPaths));
    }

    /**
     * Removes what killed writers left in {@code /etc} ({@link AccountTemporaries}) after the pre-flight of the
     * account files, whose refusals (a temporary with a second hard link, say) come first: for an ensure that
     * may have no command left to run, yet would have made those files.
     */
    static void cleanUp(HostContext ctx) {
        ShadowPreflight.of(ctx).accountFiles(ShadowPreflight.DATABASES);
        AccountTemporaries.sweep(ctx, ShadowPreflight.DATABASES);
    }

    /** As {@link #run(HostContext, List, Consumer, String...)} with the account files only. */
    static ExecResult run(HostContext ctx, List<String> argv) {
        return run(ctx, argv, c -> { });
    }
}
