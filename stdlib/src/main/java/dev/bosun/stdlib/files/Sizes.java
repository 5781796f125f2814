package dev.bosun.stdlib.files;

/** Sizes as {@code ls -h} prints them: powers of 1024, one decimal below 10, rounded up (never understated). */
final class Sizes {
    private static final String UNITS = "KMGTPE";

    private Sizes() {
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return Long.toString(bytes);
        }
        double v = bytes;
        int unit = -1;
        while (v >= 1024 && unit < UNITS.length() - 1) {
            v /= 1024;
            unit++;
        }
        if (v < 10) {
            double up = Math.ceil(v * 10) / 10;
            if (up < 10) {
                return String.format(java.util.Locale.ROOT, "%.1f%c", up, UNITS.charAt(unit));
            }
            v = up;
        }
        long whole = (long) Math.ceil(v);
        if (whole >= 1024 && unit < UNITS.length() - 1) {
            return "1.0" + UNITS.charAt(unit + 1);
        }
        return whole + String.valueOf(UNITS.charAt(unit));
    }
}
