package dev.bosun.stdlib.quadlet.unit;

/**
 * White space as Podman's Go code sees it ({@code unicode.IsSpace}), which differs from
 * {@link Character#isWhitespace} (Go counts NBSP and NEL, Java counts the ASCII separators 0x1C-0x1F).
 * Using Java's rules would make lines trim differently from the generator's.
 */
public final class GoSpace {
    private GoSpace() {
    }

    public static boolean is(int c) {
        if (c < 0x100) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
        }
        return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000;
    }

    /** {@code strings.TrimSpace}. */
    public static String trim(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && is(s.charAt(b))) {
            b++;
        }
        while (e > b && is(s.charAt(e - 1))) {
            e--;
        }
        return b == 0 && e == s.length() ? s : s.substring(b, e);
    }

    /** {@code strings.TrimRightFunc(s, unicode.IsSpace)}. */
    public static String trimRight(String s) {
        int e = s.length();
        while (e > 0 && is(s.charAt(e - 1))) {
            e--;
        }
        return e == s.length() ? s : s.substring(0, e);
    }

    public static boolean startsOrEndsWithSpace(String s) {
        return !s.isEmpty() && (is(s.charAt(0)) || is(s.charAt(s.length() - 1)));
    }
}
