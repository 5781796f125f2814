package dev.bosun.bench.marks;

import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.marks.AllocateRequest;
import dev.bosun.stdlib.marks.ApplyResult;
import dev.bosun.stdlib.marks.ConnectionType;
import dev.bosun.stdlib.marks.MarksModule;
import dev.bosun.stdlib.marks.PeerRequest;
import dev.bosun.stdlib.marks.StatusResult;
import dev.bosun.stdlib.marks.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recording the marks of 256 connections and 2,000 peers, one call per record next to one batched call per
 * kind (interleaved rounds, fresh databases); then marks.apply of 256 connections (128 wireguard_ext, 100 redirect, 28 cell_relay) with 2,000 peers
 * (1,900 IPv4, 100 IPv6) into an empty scratch namespace, then no-op re-applies; prints wall time
 * and the number of processes run. bench/marks.sh creates the namespace and the 128 tunnel veths.
 * Whole-process timing of real ip/nft runs, so a plain main rather than JMH.
 */
public final class MarksApplyBench {
    public static void main(String[] args) throws Exception {
        String netns = args[0];
        int reapplies = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int recordRounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        MarksModule marks = new MarksModule();
        Target target = new Target(netns);
        recording(marks, recordRounds);
        Path dir = Files.createTempDirectory("bosun-marks-bench-");
        try (LocalHostContext ctx = LocalHostContext.open(dir, false, dir.resolve("state.db"), "bench")) {
            record(marks, ctx, true);

            long a0 = System.nanoTime();
            ApplyResult first = marks.apply(ctx, target);
            long a1 = System.nanoTime();
            System.out.printf("apply from empty: %.0f ms, %d processes run, %d of them changing (%d single commands, "
                            + "%d drift items, %d waiting)%n", (a1 - a0) / 1e6, first.executed(), first.planned(),
                    first.commands().size(), first.found().size(), first.waiting().size());

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
            delete(dir);
        }
    }

    /** The 256 connections and 2,000 peers of the benchmark. */
    private static List<AllocateRequest> connections() {
        List<AllocateRequest> out = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            ConnectionType type = i < 128 ? ConnectionType.WIREGUARD_EXT
                    : i < 228 ? List.of(ConnectionType.TOR, ConnectionType.SSHUTTLE, ConnectionType.PROXY).get(i % 3)
                    : ConnectionType.CELL_RELAY;
            out.add(new AllocateRequest(type, String.format("b%03d", i), null, null, null));
        }
        return out;
    }

    private static List<PeerRequest> peers() {
        List<PeerRequest> out = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String peer = i < 1900 ? "10.200." + (i / 250) + "." + (i % 250 + 1) : "fd00:b::" + Integer.toHexString(i);
            out.add(new PeerRequest(peer, String.format("b%03d", i % 256)));
        }
        return out;
    }

    /** Records the benchmark's connections and peers: one operation call per record, or one call per kind. */
    private static void record(MarksModule marks, LocalHostContext ctx, boolean batched) {
        if (batched) {
            marks.allocateAll(ctx, connections());
            marks.assignAll(ctx, peers());
            return;
        }
        for (AllocateRequest r : connections()) {
            marks.allocate(ctx, r);
        }
        for (PeerRequest p : peers()) {
            marks.assign(ctx, p.peer(), p.connection());
        }
    }

    /**
     * Recording 256 allocations + 2,000 assignments into a fresh state database, interleaved per round: one
     * call per record (2,256 transactions, what a loop over marks.allocate/assign does) and marks.allocateAll +
     * marks.assignAll (2 transactions). Medians and the pair-by-pair ratio.
     */
    private static void recording(MarksModule marks, int rounds) throws Exception {
        double[] each = new double[rounds];
        double[] batch = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (boolean batched : new boolean[] {false, true}) {
                Path dir = Files.createTempDirectory("bosun-marks-rec-");
                try (LocalHostContext ctx = LocalHostContext.open(dir, false, dir.resolve("state.db"), "bench")) {
                    marks.list(ctx); // open the database and its schema outside the timing
                    long t0 = System.nanoTime();
                    record(marks, ctx, batched);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (marks.list(ctx).stream().mapToInt(c -> c.peers().size()).sum() != 2000) {
                        throw new IllegalStateException("recording did not store 2,000 peers");
                    }
                    (batched ? batch : each)[r] = ms;
                } finally {
                    delete(dir);
                }
            }
            ratio[r] = each[r] / batch[r];
        }
        System.out.printf("records, one call per record (2,256 commits):  median %8.1f ms (%.2f ms per record; runs %s)%n",
                median(each), median(each) / 2256, Arrays.toString(each));
        System.out.printf("records, allocateAll + assignAll (2 commits):  median %8.1f ms (%.3f ms per record; runs %s)%n",
                median(batch), median(batch) / 2256, Arrays.toString(batch));
        System.out.printf("records: one call per record / batched, pair by pair: median %.1fx (%s)%n", median(ratio),
                Arrays.toString(ratio));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (var w = Files.walk(dir)) {
            w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}