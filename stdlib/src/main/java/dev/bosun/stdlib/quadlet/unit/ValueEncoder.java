package dev.bosun.stdlib.quadlet.unit;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

/**
 * Writes a value so that Podman reads back exactly that value, for each way Podman reads values.
 * This is where injection is stopped: a value can never end its line, start a section, continue onto
 * the next line, or (unless specifiers are wanted) expand as a {@code %} specifier. What cannot be
 * written faithfully is refused with the parameter name and the reason.
 */
public final class ValueEncoder {
    private ValueEncoder() {
    }

    /** {@code %} is systemd's specifier character; {@code %%} is a literal percent sign. */
    public static String literalPercent(String v, boolean specifiers) {
        return specifiers || v.indexOf('%') < 0 ? v : v.replace("%", "%%");
    }

    /** A string-kind value (last one wins; trailing blanks trimmed; one pair of surrounding quotes removed). */
    public static String string(String param, String v) {
        noLineBreak(param, v);
        boolean wrapped = v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"");
        if (wrapped || GoSpace.startsOrEndsWithSpace(v) || v.endsWith("\\")) {
            return "\"" + v + "\"";
        }
        return v;
    }

    /** A value used verbatim (multi-kind keys and free systemd sections). */
    public static String verbatim(String param, String v) {
        if (v.isEmpty()) {
            throw new InvalidValueException(param, "must not be empty (an empty assignment clears the earlier values)");
        }
        return UnitWriter.rawValue(param, v);
    }

    /** One word of a whitespace-split list where quotes group and backslashes are kept (multi-strv). */
    public static String strvWord(String param, String w) {
        nonEmptyWord(param, w);
        noLineBreak(param, w);
        boolean quote = w.endsWith("\\") || GoSpace.startsOrEndsWithSpace(w);
        for (int i = 0; i < w.length() && !quote; i++) {
            char c = w.charAt(i);
            quote = c == ' ' || c == '\t' || c == '\'' || c == '"';
        }
        if (!quote) {
            return w;
        }
        if (w.indexOf('\'') < 0) {
            return "'" + w + "'";
        }
        if (w.indexOf('"') < 0) {
            return "\"" + w + "\"";
        }
        throw new InvalidValueException(param, Check.quote(w)
                + " cannot be written: this key keeps backslashes, so a word with blanks or quotes may not contain both ' and \"");
    }

    /** One word of an Exec-style list (quotes removed, C escapes decoded). */
    public static String argsWord(String param, String w) {
        nonEmptyWord(param, w);
        if (w.indexOf('\0') >= 0) {
            throw new InvalidValueException(param, Check.quote(w) + " must not contain NUL");
        }
        boolean plain = true;
        for (int i = 0; i < w.length() && plain; i++) {
            char c = w.charAt(i);
            plain = !(c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || GoSpace.is(c) || c == '"' || c == '\''
                    || c == '\\');
        }
        if (plain) {
            return w;
        }
        StringBuilder sb = new StringBuilder(w.length() + 8).append('"');
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else if ((c >= 0x80 && c <= 0x9f) || (c > ' ' && GoSpace.is(c))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void nonEmptyWord(String param, String w) {
        if (w == null || w.isEmpty()) {
            throw new InvalidValueException(param, "must not contain empty words (Podman stops reading at an empty word)");
        }
    }

    private static void noLineBreak(String param, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\n' || c == '\r' || c == '\0') {
                throw new InvalidValueException(param, Check.quote(v)
                        + " must not contain line breaks or NUL: this key has no escape for them");
            }
        }
    }
}
