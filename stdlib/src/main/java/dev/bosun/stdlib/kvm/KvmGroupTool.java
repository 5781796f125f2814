package dev.bosun.stdlib.kvm;

import dev.bosun.api.Command;
import dev.bosun.api.HostContext;

import java.util.List;

/**
 * Runs shadow-utils for {@code kvm.ensureAccess}: {@code groupadd -r} and {@code usermod -aG}, always
 * with {@code --prefix} so they act on the session's root (and on the scratch view under dry-run).
 * A stop-gap: once the users module lands this should call its group and membership ensures instead.
 */
final class KvmGroupTool {
    /** What the tools read and write below the root; under dry-run these are copied into the scratch view. */
    private static final List<String> ACCOUNT_FILES = List.of("/etc/passwd", "/etc/shadow", "/etc/group",
            "/etc/gshadow", "/etc/login.defs");

    private final HostContext ctx;

    KvmGroupTool(HostContext ctx) {
        this.ctx = ctx;
    }

    void createSystemGroup(String group) {
        ctx.exec().run(prefixed("groupadd", "-r", group));
    }

    void addMember(String user, String group) {
        ctx.exec().run(prefixed("usermod", "-aG", group, user));
    }

    private Command prefixed(String... argv) {
        List<String> files = ACCOUNT_FILES.stream().filter(ctx.fs()::exists).toList();
        return Command.of(argv).asMutating().withPrefix("--prefix", files);
    }
}
