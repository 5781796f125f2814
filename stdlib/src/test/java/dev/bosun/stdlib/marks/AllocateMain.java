package dev.bosun.stdlib.marks;

import dev.bosun.stdlib.effect.LocalHostContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run as its own JVM by {@link MarkAllocationTest}, as a separate Bosun process would, on the given state
 * database. Modes: {@code one} allocates {@code count} proxy connections named {@code prefix-i} one call each;
 * {@code all} allocates them in one {@code marks.allocateAll} call; {@code peers} allocates connection
 * {@code prefix}, prints "assigning" and assigns it {@code count} peers in one {@code marks.assignAll} call.
 */
public final class AllocateMain {
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        String mode = args.length > 3 ? args[3] : "one";
        // Beside the database, in the calling test's scratch directory: a run the test kills with -9 never reaches the
        // delete below, and its root must go with that directory, not stay in /tmp.
        Path root = Files.createTempDirectory(db.toAbsolutePath().getParent(), "marks-proc-");
        MarksModule marks = new MarksModule();
        try (LocalHostContext ctx = LocalHostContext.open(root, false, db, "test")) {
            switch (mode) {
                case "one" -> {
                    for (int i = 0; i < count; i++) {
                        marks.allocate(ctx, new AllocateRequest(ConnectionType.PROXY, prefix + "-" + i, null, null, null));
                    }
                }
                case "all" -> {
                    List<AllocateRequest> reqs = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        reqs.add(new AllocateRequest(ConnectionType.PROXY, prefix + "-" + i, null, null, null));
                    }
                    marks.allocateAll(ctx, reqs);
                }
                case "peers" -> {
                    marks.allocate(ctx, new AllocateRequest(ConnectionType.CELL_RELAY, prefix, null, null, null));
                    List<PeerRequest> reqs = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        reqs.add(new PeerRequest("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), prefix));
                    }
                    System.out.println("assigning");
                    System.out.flush();
                    marks.assignAll(ctx, reqs);
                    System.out.println("assigned");
                }
                default -> throw new IllegalArgumentException("mode " + mode);
            }
        }
        Files.delete(root);
    }
}
