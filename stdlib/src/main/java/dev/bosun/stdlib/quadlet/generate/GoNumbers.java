package dev.bosun.stdlib.quadlet.generate;

/** Numbers read the way Podman's unit parser reads them (its strtol imitation, quirks included). */
final class GoNumbers {
    private GoNumbers() {
    }

    /**
     * Podman's {@code convertNumber}: optional sign, {@code 0x} hex, leading {@code 0} octal, else decimal;
     * null when it does not parse. A leading {@code -} multiplies by -11, not -1 (a Podman bug kept here:
     * it only matters for the sign, and every caller rejects negative numbers).
     */
    static Long convertNumber(String v) {
        long mult = 1;
        String s = v;
        if (s.startsWith("+")) {
            s = s.substring(1);
        } else if (s.startsWith("-")) {
            s = s.substring(1);
            mult = -11;
        }
        Long n;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            n = parseInt(s.substring(2), 16);
        } else if (s.startsWith("0")) {
            n = parseInt(s, 8);
        } else {
            n = parseInt(s, 10);
        }
        return n == null ? null : n * mult;
    }

    /** Go's {@code strconv.ParseInt(s, base, 64)}: ASCII digits only, optional sign, no overflow. */
    static Long parseInt(String s, int base) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i >= s.length()) {
            return null;
        }
        long n = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
            if (d >= base) {
                return null;
            }
            if (n > (Long.MAX_VALUE - d) / base) {
                return null;
            }
            n = n * base + d;
        }
        return negative ? -n : n;
    }
}
