package dev.bosun.api;

import java.util.regex.Pattern;

/**
 * The validation rules shared by many record types, each failing with an {@link InvalidValueException}
 * that quotes the value and names the rule. Record constructors call these so that a bad value never
 * gets past construction.
 */
public final class Check {
    private Check() {
    }

    /** Fails when the value is null. */
    public static <T> T present(String param, T value) {
        if (value == null) {
            throw new InvalidValueException(param, "is required");
        }
        return value;
    }

    /** Fails when the value is null, empty or all white space. */
    public static String notBlank(String param, String value) {
        present(param, value);
        if (value.isBlank()) {
            throw new InvalidValueException(param, "must not be empty");
        }
        return value;
    }

    /** Fails when the value does not match the whole pattern; {@code rule} is shown, e.g. the regex. */
    public static String matches(String param, String value, Pattern pattern, String rule) {
        present(param, value);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidValueException(param, quote(value) + " must match " + rule);
        }
        return value;
    }

    /** Fails when the value is outside {@code [min, max]}. */
    public static long range(String param, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidValueException(param, value + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** Fails on characters that would break a line-oriented file: colon-free callers add their own rule. */
    public static String singleLine(String param, String value) {
        present(param, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\0') {
                throw new InvalidValueException(param, quote(value) + " must not contain newlines or NUL");
            }
        }
        return value;
    }

    /** The kernel's limits on a path and on one of its names, in bytes ({@code PATH_MAX}, {@code NAME_MAX}). */
    public static final int PATH_MAX = 4096;
    public static final int NAME_MAX = 255;

    /**
     * An absolute, normalised path without {@code ..} or {@code .} segments, NUL or newlines, within the
     * kernel's length limits (so a path no call could open is refused here, with its value quoted).
     */
    public static String absolutePath(String param, String value) {
        singleLine(param, notBlank(param, value));
        if (!value.startsWith("/")) {
            throw new InvalidValueException(param, quote(value) + " must be an absolute path");
        }
        if (value.length() >= PATH_MAX || utf8Length(value, 0, value.length()) >= PATH_MAX) {
            throw new InvalidValueException(param, quote(value) + " must be shorter than " + PATH_MAX
                    + " bytes (PATH_MAX)");
        }
        // One pass over the names between slashes (this runs on every path an operation is given).
        int n = value.length();
        for (int start = 1; start <= n; ) {
            int end = value.indexOf('/', start);
            if (end < 0) {
                end = n;
            }
            int len = end - start;
            if (len == 1 && value.charAt(start) == '.' || len == 2 && value.startsWith("..", start)) {
                throw new InvalidValueException(param, quote(value) + " must not contain '.' or '..' segments");
            }
            if (len > NAME_MAX / 4 && utf8Length(value, start, end) > NAME_MAX) {
                throw new InvalidValueException(param, quote(value) + " must not have a name longer than " + NAME_MAX
                        + " bytes (NAME_MAX)");
            }
            start = end + 1;
        }
        if (n > 1 && (value.charAt(n - 1) == '/' || value.contains("//"))) {
            throw new InvalidValueException(param, quote(value) + " must be normalised (no trailing or double '/')");
        }
        return value;
    }

    /** Bytes of {@code s[from, to)} in UTF-8, as {@code getBytes(UTF_8)} counts them (a lone surrogate is one). */
    private static int utf8Length(String s, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Code points of a value that {@link #quote} shows; the rest is counted, not shown. */
    public static final int QUOTE_LIMIT = 80;

    /**
     * Quotes a value for a one-line message: at most {@link #QUOTE_LIMIT} code points of it (a longer value
     * reads {@code "abc…" (5000 characters)}), with {@code "} and {@code \} escaped and every character that
     * is invisible or changes how the line displays written as an escape (see {@link #isHidden}), so a value
     * can neither break the line, nor hide or reorder text around it, nor flood the terminal.
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), QUOTE_LIMIT) + 24).append('"');
        int end = appendEscaped(sb, value, QUOTE_LIMIT, true);
        if (end < value.length()) {
            return sb.append("\u2026\" (").append(value.codePointCount(0, value.length()))
                    .append(" characters)").toString();
        }
        return sb.append('"').toString();
    }

    /**
     * Text for one line of output, as it is: escapes only the characters {@link #isHidden} names (line breaks
     * included) and cuts it after {@code maxCodePoints}, ending {@code … (N characters)}. For whole messages
     * whose values are already quoted; a last line of defence where text of unknown origin is printed.
     */
    public static String oneLine(String text, int maxCodePoints) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxCodePoints) + 24);
        int end = appendEscaped(sb, text, maxCodePoints, false);
        if (end < text.length()) {
            sb.append("\u2026 (").append(text.codePointCount(0, text.length())).append(" characters)");
        }
        return sb.toString();
    }

    /**
     * True for characters a message must not contain as they are: controls (C0, DEL, C1: line breaks,
     * terminal escapes), format characters (bidi embeddings, overrides and isolates U+202A-U+202E,
     * U+2066-U+2069, marks U+200E/U+200F/U+061C, zero-width U+200B-U+200D, U+2060, U+FEFF, Unicode tags),
     * the line and paragraph separators, and unpaired surrogates.
     */
    public static boolean isHidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** Appends at most {@code max} code points of {@code s}, escaped; returns the index where it stopped. */
    private static int appendEscaped(StringBuilder sb, String s, int max, boolean quoted) {
        int i = 0;
        for (int n = 0; i < s.length() && n < max; n++) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                case '"', '\\' -> {
                    if (quoted) {
                        sb.append('\\');
                    }
                    sb.append((char) c);
                }
                default -> {
                    if (!isHidden(c)) {
                        sb.appendCodePoint(c);
                    } else if (c < 0x100) {
                        sb.append(String.format("\\x%02x", c));
                    } else if (c < 0x10000) {
                        sb.append(String.format("\\u%04x", c));
                    } else {
                        sb.append(String.format("\\u{%x}", c));
                    }
                }
            }
        }
        return i;
    }
}
