package dev.bosun.stdlib.subids;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;

import java.nio.file.Path;

/**
 * A separate Bosun process for the concurrency test: allocates sub-IDs for each named user on the root,
 * one session per user as separate CLI calls would. Exit 0 when all succeeded, 3 on a lock error.
 */
public final class AllocatorProcess {
    private AllocatorProcess() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            try (LocalHostContext ctx = LocalHostContext.open(root, false, root.resolve("state-" + ProcessHandle.current().pid() + ".db"), "test")) {
                Allocation a = new SubIdsModule().allocate(ctx, args[i], null);
                System.out.println("ok " + args[i] + " " + a.uid().start() + " " + a.gid().start());
            } catch (BosunException e) {
                System.out.println("error " + e.getMessage());
                System.exit(e.getMessage().startsWith("cannot lock") ? 3 : 1);
            }
        }
    }
}
