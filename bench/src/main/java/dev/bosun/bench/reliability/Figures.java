package dev.bosun.bench.reliability;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of one reliability run and, for each count, the first few findings behind it (one line each), so
 * every figure in the table can be traced to what raised it. Thread-safe: the concurrency part adds from
 * several threads.
 */
public final class Figures {
    private final int examplesPerFigure;
    private final Map<Figure, Long> counts = new EnumMap<>(Figure.class);
    private final Map<Figure, List<String>> examples = new EnumMap<>(Figure.class);

    Figures(int examplesPerFigure) {
        this.examplesPerFigure = examplesPerFigure;
        for (Figure f : Figure.values()) {
            counts.put(f, 0L);
            examples.put(f, new ArrayList<>());
        }
    }

    synchronized void add(Figure f, long n) {
        counts.merge(f, n, Long::sum);
    }

    /** Counts one finding and keeps its line if fewer than the limit are kept. */
    synchronized void found(Figure f, String finding) {
        add(f, 1);
        List<String> l = examples.get(f);
        if (l.size() < examplesPerFigure) {
            l.add(finding);
        }
    }

    /** Adds counts and findings made elsewhere (the sweep's worker process), keeping the example limit. */
    synchronized void merge(Figure f, long n, List<String> found) {
        add(f, n);
        List<String> l = examples.get(f);
        for (String s : found) {
            if (l.size() < examplesPerFigure) {
                l.add(s);
            }
        }
    }

    public synchronized long count(Figure f) {
        return counts.get(f);
    }

    public synchronized List<String> examples(Figure f) {
        return List.copyOf(examples.get(f));
    }

    /** The findings behind the non-zero figures, grouped by figure. */
    synchronized void printFindings(PrintStream out) {
        for (Figure f : Figure.values()) {
            List<String> l = examples.get(f);
            if (l.isEmpty()) {
                continue;
            }
            long n = counts.get(f);
            out.println(f.label + " (" + n + (n > l.size() ? ", first " + l.size() + " shown" : "") + "):");
            for (String s : l) {
                out.println("  " + s);
            }
        }
    }

    /** The one table: figure, count and, for the figures a defect raises, whether it is zero. */
    synchronized void printTable(PrintStream out) {
        int w = 0;
        for (Figure f : Figure.values()) {
            w = Math.max(w, f.label.length());
        }
        String rule = "-".repeat(w + 2) + "+" + "-".repeat(10) + "+" + "-".repeat(14);
        out.printf("%-" + (w + 2) + "s| %8s | %s%n", "figure", "count", "expected");
        out.println(rule);
        for (Figure f : Figure.values()) {
            long n = counts.get(f);
            String verdict = !f.mustBeZero ? "" : n == 0 ? "0  ok" : "0  FAILS";
            out.printf("%-" + (w + 2) + "s| %8d | %s%n", f.label, n, verdict);
        }
    }
}
