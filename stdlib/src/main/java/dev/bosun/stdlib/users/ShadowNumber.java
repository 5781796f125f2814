package dev.bosun.stdlib.users;

import java.util.OptionalLong;

/**
 * Numbers as shadow-utils 4.13 reads them ({@code getulong}: {@code strtoul(s, &end, 0)} with the whole
 * string consumed). That means leading white space, an optional sign, and C base prefixes: {@code 0x186a0}
 * is hex, {@code 0100000} octal, and {@code -1} wraps to 2^64-1. Verified against useradd: sub-ID lines
 * written this way do block ranges. Values are unsigned 64-bit, held in a {@code long}.
 */
public final class ShadowNumber {
    private ShadowNumber() {
    }

    /** The value, or empty when shadow-utils would reject the text. */
    public static OptionalLong parse(String text) {
        int n = text.length();
        if (n == 0) {
            return OptionalLong.empty();
        }
        int i = 0;
        while (i < n && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int base = 10;
        if (i < n && text.charAt(i) == '0') {
            // "0x" counts as a prefix only when a hex digit follows; otherwise the "0" is the whole number.
            if (i + 2 < n && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
                    && Character.digit(text.charAt(i + 2), 16) >= 0 && text.charAt(i + 2) < 0x80) {
                base = 16;
                i += 2;
            } else {
                base = 8;
            }
        }
        int digitsStart = i;
        long value = 0;
        boolean overflow = false;
        while (i < n) {
            int d = Character.digit(text.charAt(i), base);
            if (d < 0 || text.charAt(i) > 0x7f) {
                break;
            }
            // value * base + d must stay within unsigned 64 bits.
            long limit = Long.divideUnsigned(-1L - d, base);
            if (Long.compareUnsigned(value, limit) > 0) {
                overflow = true;
            }
            value = value * base + d;
            i++;
        }
        // No digits (e.g. "+", "  ") means nothing was converted: strtoul's end pointer stays at the start.
        if (i == digitsStart || i != n || overflow) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(negative ? -value : value);
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }
}
