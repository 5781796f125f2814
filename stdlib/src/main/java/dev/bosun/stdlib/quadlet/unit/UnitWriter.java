package dev.bosun.stdlib.quadlet.unit;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes sections back to text, so that the text always reads back as the sections it was written from:
 * what a unit is validated as (its sections) is what Podman and systemd read (its text).
 * <ul>
 *   <li>An entry or header whose kept source text still means what the entry says, wherever it is placed,
 *   is written as that text (so a parsed file comes back byte for byte). Source text that ends inside a
 *   continuation ({@code Environment=A=1\} read alone means {@code A=1}, but anywhere but at the end of a
 *   file swallows the next line) or holds a header or more than one entry is not kept: the entry is
 *   written fresh.</li>
 *   <li>Fresh entries are written only if the parser reads back exactly the same key and value: values
 *   with a line break, CR or NUL (in any entry: systemd also ends lines at CR), surrounding blanks or a
 *   trailing backslash cannot be written and are refused.</li>
 *   <li>Last, the whole text is parsed again and compared with the sections (section names in order, and
 *   each section's keys and values); any difference is refused rather than written.</li>
 * </ul>
 */
public final class UnitWriter {
    /** Keys Bosun writes: what systemd and Podman use, never anything that could start a header or comment. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]*");

    private UnitWriter() {
    }

    public static String render(List<UnitSection> sections) {
        String text = write(sections);
        checkReadsBack(sections, text);
        return text;
    }

    private static String write(List<UnitSection> sections) {
        StringBuilder out = new StringBuilder();
        for (int si = 0; si < sections.size(); si++) {
            UnitSection s = sections.get(si);
            String where = "sections[" + Check.quote(s.name()) + "]";
            if (!s.name().isEmpty()) {
                if (s.header() != null && headerMatches(s.header(), s.name())) {
                    newlineIfNeeded(out);
                    out.append(s.header());
                } else {
                    if (!UnitParser.groupNameIsValid(s.name()) || s.name().codePoints().anyMatch(Check::isHidden)) {
                        throw new InvalidValueException("section", Check.quote(s.name())
                                + " must be a section name without '[', ']', control or invisible characters");
                    }
                    newlineIfNeeded(out);
                    if (!out.isEmpty() && !out.toString().endsWith("\n\n")) {
                        out.append('\n');
                    }
                    out.append('[').append(s.name()).append("]\n");
                }
            }
            for (int i = 0; i < s.entries().size(); i++) {
                UnitEntry e = s.entries().get(i);
                boolean atEnd = si == sections.size() - 1 && i == s.entries().size() - 1;
                if (!s.name().isEmpty() || e.key() == null) {
                    writeEntry(out, e, where, atEnd);
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

    private static void writeEntry(StringBuilder out, UnitEntry e, String where, boolean atEnd) {
        if (e.key() != null) {
            // Kept source text cannot carry these either: Podman keeps a CR or NUL inside a value, and the
            // service it generates is read by systemd, for which both end the line.
            Check.singleLine(where + "." + e.key(), e.value());
        }
        if (e.raw() != null) {
            UnitEntry again = UnitParser.reparseEntry(e.raw(), atEnd);
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

    /** What a unit means to Podman: its named sections in order, each with its assignments in order. */
    private record Meaning(String section, List<String> assignments) {
        static List<Meaning> of(List<UnitSection> sections) {
            List<Meaning> out = new ArrayList<>();
            for (UnitSection s : sections) {
                if (s.name().isEmpty()) {
                    continue; // comments only: the writer refuses assignments before the first header
                }
                List<String> a = new ArrayList<>();
                for (UnitEntry e : s.entries()) {
                    if (e.isAssignment()) {
                        a.add(e.key() + "=" + e.value());
                    }
                }
                out.add(new Meaning(s.name(), a));
            }
            return out;
        }
    }

    /**
     * The last check: the written text, parsed again, means the same as the sections. The rules above are
     * meant to make this hold for any input; this makes sure it does, so a unit is never written as
     * something other than what was validated.
     */
    private static void checkReadsBack(List<UnitSection> sections, String text) {
        List<Meaning> want = Meaning.of(sections);
        List<Meaning> got;
        try {
            got = Meaning.of(UnitParser.parse(text));
        } catch (UnitSyntaxException e) {
            throw new InvalidValueException("sections", "cannot be written: the text would not parse ("
                    + e.getMessage() + ")");
        }
        if (want.equals(got)) {
            return;
        }
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            if (!want.get(i).equals(got.get(i))) {
                throw new InvalidValueException("sections[" + Check.quote(want.get(i).section()) + "]",
                        "cannot be written so that it reads back the same (a kept source text or value would "
                                + "change the entries); leave out the entries' raw text or fix their values");
            }
        }
        throw new InvalidValueException("sections", "cannot be written so that it reads back the same "
                + "(the written text has " + got.size() + " sections, not " + want.size() + ")");
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
