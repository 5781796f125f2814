package dev.bosun.bench.subids;

import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.subids.SubIdsModule;
import dev.bosun.stdlib.users.UserSpec;
import dev.bosun.stdlib.users.UsersModule;

import java.nio.file.Path;

/**
 * In-process provisioning for bench/subids.sh: users.ensure (useradd --prefix, system user) plus
 * subids.allocate for N users under a root, one session, as one Bosun script would do it. Prints the
 * wall time in milliseconds.
 */
public final class ProvisionRun {
    private ProvisionRun() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        UsersModule users = new UsersModule();
        SubIdsModule subids = new SubIdsModule();
        long t0 = System.nanoTime();
        try (LocalHostContext ctx = LocalHostContext.open(root, false, root.resolve("state.db"), "bench")) {
            for (int i = 0; i < n; i++) {
                String name = "bq" + i;
                users.ensure(ctx, new UserSpec(name, true, null, null, null, null, null, "/usr/sbin/nologin", null));
                subids.allocate(ctx, name, null);
            }
        }
        System.out.println((System.nanoTime() - t0) / 1_000_000);
    }
}
