package dev.bosun.bench.overlay;

import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.overlay.DiffEntry;
import dev.bosun.stdlib.overlay.OverlayModule;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whole-operation timing of {@code overlay.diff} in one JVM: ROOT is a scratch root on which
 * bench/overlay-diff.sh created overlay NAME and filled its upper layer. After one untimed call, RUNS rounds
 * each time {@code find UPPER -newer STAMP} (a process, output discarded, as the shell baseline) and then one
 * {@code overlay.diff} call, interleaved so both see the same load; prints the medians, the time per file and the
 * pair-by-pair ratio, in the line format of bench/lib.sh's timeit. Not a JMH harness on purpose: the figure
 * compared is a single walk of 100,000 files, as a user calling it from the REPL sees it.
 * Usage: OverlayDiffBench ROOT NAME RUNS STAMP
 */
public final class OverlayDiffBench {
    private OverlayDiffBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String name = args[1];
        int runs = Integer.parseInt(args[2]);
        Path stamp = Path.of(args[3]);
        Path upper = root.resolve("var/lib/bosun/overlays/" + name + "/upper");
        OverlayModule overlay = new OverlayModule();
        try (LocalHostContext ctx = LocalHostContext.open(root, false, null, "bench")) {
            List<DiffEntry> first = overlay.diff(ctx, name);
            Map<String, Integer> kinds = new TreeMap<>();
            first.forEach(d -> kinds.merge(d.kind().toString(), 1, Integer::sum));
            System.out.println("entries=" + first.size() + " " + kinds);
            double[] find = new double[runs];
            double[] diff = new double[runs];
            double[] ratio = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder("find", upper.toString(), "-newer", stamp.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("find failed");
                }
                find[i] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                overlay.diff(ctx, name);
                diff[i] = (System.nanoTime() - t1) / 1e6;
                ratio[i] = diff[i] / find[i];
            }
            int files = first.size();
            line("interleaved: find upper -newer stamp", find, files);
            line("interleaved: overlay.diff in one warm JVM", diff, files);
            double[] r = ratio.clone();
            Arrays.sort(r);
            System.out.printf("overlay.diff / find -newer, pair by pair: median %.2fx (min %.2f, max %.2f, n=%d)%n",
                    median(r), r[0], r[r.length - 1], r.length);
        }
    }

    private static void line(String label, double[] ms, int files) {
        double[] s = ms.clone();
        Arrays.sort(s);
        double m = median(s);
        // The same line format as bench/lib.sh's timeit, so the script's output reads as one table.
        System.out.printf("%-48s median %8.1f ms   (min %.1f, max %.1f, n=%d)   %.2f µs per entry%n",
                label, m, s[0], s[s.length - 1], s.length, m * 1000 / files);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
