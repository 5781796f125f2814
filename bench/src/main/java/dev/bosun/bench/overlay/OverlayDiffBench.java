package dev.bosun.bench.overlay;

import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.overlay.DiffEntry;
import dev.bosun.stdlib.overlay.OverlayModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whole-operation timing of {@code overlay.diff} in one JVM: ROOT is a scratch root on which
 * bench/overlay-diff.sh created overlay NAME and filled its upper layer. Prints one warm-up count and
 * the median, min and max of RUNS timed calls (wall clock, milliseconds), so the script can put it next to the
 * find/diff baselines of the same run. Not a JMH harness on purpose: the figure compared is a
 * cold-ish single walk of 100,000 files, as a user calling it from the REPL sees it.
 */
public final class OverlayDiffBench {
    private OverlayDiffBench() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        String name = args[1];
        int runs = Integer.parseInt(args[2]);
        OverlayModule overlay = new OverlayModule();
        try (LocalHostContext ctx = LocalHostContext.open(root, false, null, "bench")) {
            List<DiffEntry> first = overlay.diff(ctx, name);
            Map<String, Integer> kinds = new TreeMap<>();
            first.forEach(d -> kinds.merge(d.kind().toString(), 1, Integer::sum));
            System.out.println("entries=" + first.size() + " " + kinds);
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                overlay.diff(ctx, name);
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            Collections.sort(ms);
            int n = ms.size();
            double median = n % 2 == 1 ? ms.get(n / 2) : (ms.get(n / 2 - 1) + ms.get(n / 2)) / 2;
            // The same line format as bench/lib.sh's timeit, so the script's output reads as one table.
            System.out.printf("%-48s median %8.1f ms   (min %.1f, max %.1f, n=%d)%n",
                    "overlay.diff in one warm JVM", median, ms.get(0), ms.get(n - 1), n);
        }
    }
}
