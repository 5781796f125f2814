package dev.bosun.shell.render;

/**
 * Column widths for a table in a given width, nushell's way: natural widths when they fit; otherwise the
 * widest columns give way first (each shrinks to a common cap, no column below its minimum, which is at
 * least its header, so headers never wrap); null when even the minimums do not fit.
 */
final class TableLayout {
    static final String SEPARATOR = "  ";

    private TableLayout() {
    }

    /**
     * @param natural   each column's widest cell or header
     * @param minimum   the narrowest each column may become
     * @param available the columns the table may take, separators included
     * @return the widths, or null when the table cannot fit
     */
    static int[] fit(int[] natural, int[] minimum, int available) {
        int n = natural.length;
        int room = available - SEPARATOR.length() * Math.max(0, n - 1);
        if (sum(natural) <= room) {
            return natural.clone();
        }
        if (sum(minimum) > room) {
            return null;
        }
        // The largest cap under which the capped widths fit; found by narrowing, widths are small numbers.
        int lo = 0;
        int hi = max(natural);
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (sum(capped(natural, minimum, mid)) <= room) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int[] w = capped(natural, minimum, lo);
        // What the cap left over goes, a column each, to the columns that were cut.
        int spare = room - sum(w);
        for (int c = 0; c < n && spare > 0; c++) {
            if (w[c] < natural[c]) {
                w[c]++;
                spare--;
            }
        }
        return w;
    }

    private static int[] capped(int[] natural, int[] minimum, int cap) {
        int[] w = new int[natural.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = Math.max(minimum[c], Math.min(natural[c], cap));
        }
        return w;
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int x : a) {
            m = Math.max(m, x);
        }
        return m;
    }
}
