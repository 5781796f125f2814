package dev.bosun.stdlib.marks;

import dev.bosun.stdlib.effect.LocalHostContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run as its own JVM by {@link MarkAllocationTest}: allocates {@code count} proxy connections named
 * {@code prefix-i} in the given state database, as a separate Bosun process would.
 */
public final class AllocateMain {
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        Path root = Files.createTempDirectory("bosun-marks-proc-");
        MarksModule marks = new MarksModule();
        try (LocalHostContext ctx = LocalHostContext.open(root, false, db, "test")) {
            for (int i = 0; i < count; i++) {
                marks.allocate(ctx, new AllocateRequest(ConnectionType.PROXY, prefix + "-" + i, null, null, null));
            }
        }
        Files.delete(root);
    }
}
