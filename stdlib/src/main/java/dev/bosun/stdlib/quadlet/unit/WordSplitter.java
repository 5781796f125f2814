package dev.bosun.stdlib.quadlet.unit;

import java.util.ArrayList;
import java.util.List;

/**
 * systemd's {@code extract_first_word} in the two forms Podman uses on unit values:
 * {@link #ARGS} (like an {@code Exec=} line: quotes removed, C escapes decoded, unbalanced quotes
 * tolerated) and {@link #STRV} (like {@code config_parse_strv}: quotes removed, backslashes kept).
 * Splitting stops at the first empty word, as Podman's does.
 */
public final class WordSplitter {
    public static final WordSplitter ARGS = new WordSplitter(true, true, false);
    public static final WordSplitter STRV = new WordSplitter(false, false, true);

    private static final String SEPARATORS = " \t\n\r";

    private final boolean relax;
    private final boolean cUnescape;
    private final boolean retainEscape;

    private WordSplitter(boolean relax, boolean cUnescape, boolean retainEscape) {
        this.relax = relax;
        this.cUnescape = cUnescape;
        this.retainEscape = retainEscape;
    }

    /** A value the splitter rejects; the message is Podman's ({@code unsupported escape char}, ...). */
    public static final class SplitException extends Exception {
        private static final long serialVersionUID = 1L;

        SplitException(String message) {
            super(message);
        }
    }

    public List<String> split(String s) throws SplitException {
        List<String> words = new ArrayList<>();
        int[] pos = {0};
        while (true) {
            String w = next(s, pos);
            if (w == null) {
                return words;
            }
            words.add(w);
        }
    }

    private static boolean isSeparator(char c) {
        return SEPARATORS.indexOf(c) >= 0;
    }

    /** The next word from {@code pos[0]}, or null when there is none (or it would be empty). */
    private String next(String in, int[] pos) throws SplitException {
        int p = pos[0];
        int end = in.length();
        while (p < end && isSeparator(in.charAt(p))) {
            p++;
        }
        if (p >= end) {
            pos[0] = end;
            return null;
        }
        StringBuilder s = new StringBuilder();
        char quote = 0;
        while (true) {
            if (p >= end) {
                if (quote != 0 && !relax) {
                    throw new SplitException("unbalanced quotes");
                }
                p = end;
                break;
            }
            char c = in.charAt(p);
            if (c == '\\' && !retainEscape) {
                p++;
                if (p >= end) {
                    if (relax) {
                        break;
                    }
                    throw new SplitException("unbalanced escape");
                }
                if (cUnescape) {
                    int consumed = unescapeOne(in, p, s);
                    if (consumed < 0) {
                        throw new SplitException("unsupported escape char");
                    }
                    p += consumed;
                } else {
                    s.append(in.charAt(p));
                    p++;
                }
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    s.append(c);
                }
                p++;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                p++;
                continue;
            }
            if (isSeparator(c)) {
                while (p < end && isSeparator(in.charAt(p))) {
                    p++;
                }
                break;
            }
            s.append(c);
            p++;
        }
        pos[0] = p;
        return s.isEmpty() ? null : s.toString();
    }

    /** Decodes one C escape starting at {@code in[p]} (after the backslash); chars consumed or -1. */
    private static int unescapeOne(String in, int p, StringBuilder out) {
        char c = in.charAt(p);
        switch (c) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case '\\' -> out.append('\\');
            case '"' -> out.append('"');
            case '\'' -> out.append('\'');
            case 's' -> out.append(' ');
            case 'x' -> {
                int v = hex(in, p + 1, 2);
                if (v <= 0) {
                    return -1;
                }
                out.appendCodePoint(v);
                return 3;
            }
            case 'u' -> {
                int v = hex(in, p + 1, 4);
                if (v <= 0) {
                    return -1;
                }
                out.appendCodePoint(v);
                return 5;
            }
            case 'U' -> {
                int v = hex(in, p + 1, 8);
                if (v <= 0 || v > Character.MAX_CODE_POINT) {
                    return -1;
                }
                out.appendCodePoint(v);
                return 9;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                if (p + 3 > in.length()) {
                    return -1;
                }
                int v = 0;
                for (int i = 0; i < 3; i++) {
                    int d = in.charAt(p + i) - '0';
                    if (d < 0 || d > 7) {
                        return -1;
                    }
                    v = v * 8 + d;
                }
                if (v == 0 || v > 255) {
                    return -1;
                }
                out.appendCodePoint(v);
                return 3;
            }
            default -> {
                return -1;
            }
        }
        return 1;
    }

    /** The value of {@code n} hex digits at {@code from}, or -1; 0 (NUL) is refused by the caller. */
    private static int hex(String in, int from, int n) {
        if (from + n > in.length()) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int d = Character.digit(in.charAt(from + i), 16);
            if (d < 0 || in.charAt(from + i) > 'f') {
                return -1;
            }
            v = v * 16 + d;
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }
}
