package dev.bosun.stdlib.quadlet.spec;

/** Podman's {@code convertNumber} for uint32 keys: strtol-like ({@code 0x} hex, leading {@code 0} octal, sign). */
public final class Uint32 {
    private Uint32() {
    }

    /** The value, or null when Podman would fall back to the default (not a number, or out of range). */
    public static Long parse(String v) {
        String s = v;
        long sign = 1;
        if (s.startsWith("+")) {
            s = s.substring(1);
        } else if (s.startsWith("-")) {
            s = s.substring(1);
            sign = -1;
        }
        try {
            long n;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                n = Long.parseLong(s.substring(2), 16);
            } else if (s.startsWith("0")) {
                n = Long.parseLong(s, 8);
            } else {
                n = Long.parseLong(s, 10);
            }
            if (s.substring(s.startsWith("0x") || s.startsWith("0X") ? 2 : 0).startsWith("+") || s.contains("-")) {
                return null;
            }
            n *= sign;
            return n < 0 || n > 0xFFFF_FFFFL ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
