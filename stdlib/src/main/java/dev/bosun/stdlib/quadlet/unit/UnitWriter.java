package dev.bosun.stdlib.quadlet.unit;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes sections back to text. An entry or header whose kept source text still means what the entry
 * says is written as that text (so a parsed file comes back byte for byte); anything else is written
 * fresh, and only if the parser would read back exactly the same key and value: values with line
 * breaks, NUL, surrounding blanks or a trailing backslash cannot be written and are refused.
 */
public final class UnitWriter {
    /** Keys Bosun writes: what systemd and Podman use, never anything that could start a header or comment. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]*");

    private UnitWriter() {
    }

    public static String render(List<UnitSection> sections) {
        StringBuilder out = new StringBuilder();
        for (UnitSection s : sections) {
            String where = s.name().isEmpty() ? "sections[\"\"]" : "sections[" + s.name() + "]";
            if (!s.name().isEmpty()) {
                if (s.header() != null && headerMatches(s.header(), s.name())) {
                    newlineIfNeeded(out);
                    out.append(s.header());
                } else {
                    if (!UnitParser.groupNameIsValid(s.name()) || !Check.quote(s.name()).equals("\"" + s.name() + "\"")) {
                        throw new InvalidValueException("section", Check.quote(s.name())
                                + " must be a section name without '[', ']' or control characters");
                    }
                    newlineIfNeeded(out);
                    if (!out.isEmpty() && !out.toString().endsWith("\n\n")) {
                        out.append('\n');
                    }
                    out.append('[').append(s.name()).append("]\n");
                }
            }
            for (UnitEntry e : s.entries()) {
                if (!s.name().isEmpty() || e.key() == null) {
                    writeEntry(out, e, where);
                } else {
                    throw new InvalidValueException(where, "key " + Check.quote(e.key())
                            + " must be inside a named section, not before the first [Section]");
                }
            }
        }
        return out.toString();
    }

    private static void newlineIfNeeded(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static boolean headerMatches(String header, String name) {
        int nl = header.indexOf('\n');
        if (nl >= 0 && nl != header.length() - 1) {
            return false;
        }
        String t = GoSpace.trim(header);
        if (!t.startsWith("[" + name + "]")) {
            return false;
        }
        for (int i = name.length() + 2; i < t.length(); i++) {
            if (t.charAt(i) != ' ' && t.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private static void writeEntry(StringBuilder out, UnitEntry e, String where) {
        if (e.raw() != null) {
            UnitEntry again = UnitParser.reparseEntry(e.raw());
            if (again != null && java.util.Objects.equals(again.key(), e.key()) && again.value().equals(e.value())) {
                newlineIfNeeded(out);
                out.append(e.raw());
                return;
            }
        }
        newlineIfNeeded(out);
        if (e.key() == null) {
            out.append(comment(where, e.value())).append('\n');
        } else {
            out.append(key(where, e.key())).append('=').append(rawValue(where + "." + e.key(), e.value())).append('\n');
        }
    }

    /** A key Bosun may write. */
    public static String key(String where, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidValueException(where, "key " + Check.quote(key) + " must match " + KEY.pattern());
        }
        return key;
    }

    private static String comment(String where, String text) {
        Check.singleLine(where, text);
        String t = GoSpace.trim(text);
        if (!t.equals(text) || !(t.isEmpty() || t.startsWith("#") || t.startsWith(";"))) {
            throw new InvalidValueException(where, "comment " + Check.quote(text)
                    + " must be empty or start with '#' or ';' and have no surrounding blanks");
        }
        return text;
    }

    /**
     * The value as it must appear after {@code Key=} so that Podman reads back exactly {@code value}.
     * Only values that survive the parser unchanged are allowed: no line break or NUL (a new line would
     * start a new entry or section), no leading or trailing blanks (trimmed), no trailing backslash
     * (it would swallow the next line).
     */
    public static String rawValue(String param, String value) {
        Check.singleLine(param, value);
        if (GoSpace.startsOrEndsWithSpace(value)) {
            throw new InvalidValueException(param, Check.quote(value)
                    + " must not start or end with blanks (a unit file line is trimmed)");
        }
        if (value.endsWith("\\")) {
            throw new InvalidValueException(param, Check.quote(value)
                    + " must not end with a backslash (it would continue onto the next line)");
        }
        return value;
    }
}
