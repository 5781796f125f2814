package dev.bosun.bench.marks;

import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.marks.AllocateRequest;
import dev.bosun.stdlib.marks.ApplyResult;
import dev.bosun.stdlib.marks.Connection;
import dev.bosun.stdlib.marks.ConnectionType;
import dev.bosun.stdlib.marks.MarksModule;
import dev.bosun.stdlib.marks.StatusResult;
import dev.bosun.stdlib.marks.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * marks.apply of 256 connections (128 wireguard_ext, 100 redirect, 28 cell_relay) with 2,000 peers
 * (1,900 IPv4, 100 IPv6) into an empty scratch namespace, then no-op re-applies; prints wall time
 * and the number of processes run. bench/marks.sh creates the namespace and the 128 tunnel veths.
 * Whole-process timing of real ip/nft runs, so a plain main rather than JMH.
 */
public final class MarksApplyBench {
    public static void main(String[] args) throws Exception {
        String netns = args[0];
        int reapplies = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("bosun-marks-bench-");
        MarksModule marks = new MarksModule();
        Target target = new Target(netns);
        try (LocalHostContext ctx = LocalHostContext.open(dir, false, dir.resolve("state.db"), "bench")) {
            List<Connection> conns = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 256; i++) {
                ConnectionType type = i < 128 ? ConnectionType.WIREGUARD_EXT
                        : i < 228 ? List.of(ConnectionType.TOR, ConnectionType.SSHUTTLE, ConnectionType.PROXY).get(i % 3)
                        : ConnectionType.CELL_RELAY;
                conns.add(marks.allocate(ctx, new AllocateRequest(type, String.format("b%03d", i), null, null, null)));
            }
            for (int i = 0; i < 2000; i++) {
                String peer = i < 1900 ? "10.200." + (i / 250) + "." + (i % 250 + 1) : "fd00:b::" + Integer.toHexString(i);
                marks.assign(ctx, peer, conns.get(i % 256).id());
            }
            long records = System.nanoTime() - t0;
            System.out.printf("records: 256 allocations + 2000 assignments in %.0f ms%n", records / 1e6);

            long a0 = System.nanoTime();
            ApplyResult first = marks.apply(ctx, target);
            long a1 = System.nanoTime();
            System.out.printf("apply from empty: %.0f ms, %d processes run (%d logical commands, %d drift items, %d waiting)%n",
                    (a1 - a0) / 1e6, first.executed(), first.commands().size(), first.found().size(), first.waiting().size());

            double[] noop = new double[reapplies];
            int executed = 0;
            boolean changed = false;
            for (int i = 0; i < reapplies; i++) {
                long r0 = System.nanoTime();
                ApplyResult again = marks.apply(ctx, target);
                noop[i] = (System.nanoTime() - r0) / 1e6;
                executed = again.executed();
                changed |= again.changed();
            }
            Arrays.sort(noop);
            System.out.printf("no-op re-apply: median %.0f ms over %d runs (min %.0f, max %.0f), %d processes run, changed=%s%n",
                    noop[reapplies / 2], reapplies, noop[0], noop[reapplies - 1], executed, changed);
            StatusResult status = marks.status(ctx, target);
            System.out.printf("status after: clean=%s%n", status.clean());
        } finally {
            try (var w = Files.walk(dir)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
