package dev.bosun.shell.js;

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours), for "did you mean" on names a
 * user typed: {@code ensrue} is one edit from {@code ensure}.
 */
final class EditDistance {
    private EditDistance() {
    }

    /**
     * The candidate a misspelt {@code name} most likely meant: the same name in other letter case, else the nearest
     * within two edits (the first of equals, in the candidates' order); null when none is that close.
     */
    static String nearest(String name, Iterable<String> candidates) {
        String nearest = null;
        int best = 3;
        for (String c : candidates) {
            if (c.equalsIgnoreCase(name)) {
                return c;
            }
            int d = between(name, c, best);
            if (d < best) {
                best = d;
                nearest = c;
            }
        }
        return nearest;
    }

    /** The distance between {@code a} and {@code b}, or {@code limit} when it is {@code limit} or more. */
    static int between(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[b.length()], limit);
    }
}
