package dev.bosun.stdlib.quadlet.unit;

import dev.bosun.api.Check;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a unit file exactly as Podman's {@code pkg/systemd/parser} does: every line is trimmed; empty
 * lines and lines starting with {@code #} or {@code ;} are comments; a line ending in {@code \} is
 * joined with the next one (comment lines inside such a continuation are skipped); {@code [Name]}
 * starts a section; {@code Key=Value} splits at the first {@code =}. Unlike Podman it keeps every
 * byte of the source with the entry it belongs to, so that {@link UnitWriter} can reproduce the file.
 */
public final class UnitParser {
    private final List<UnitSection> sections = new ArrayList<>();
    private String sectionName = "";
    private Integer sectionLine;
    private String sectionHeader;
    private List<UnitEntry> entries = new ArrayList<>();
    private boolean inGroup;
    /** The text ended inside a continuation: in a longer file, its last entry would swallow the next line. */
    private boolean endsOpen;

    private UnitParser(boolean inGroup) {
        this.inGroup = inGroup;
    }

    /** The sections of the text; a leading section named "" holds lines before the first header. */
    public static List<UnitSection> parse(String text) {
        UnitParser p = new UnitParser(false);
        p.run(text);
        return p.sections;
    }

    /**
     * What the given source text of one entry means wherever it is placed in a file, or null when it is not
     * exactly one entry of the current section: when it holds a section header or several entries, or,
     * unless it ends the file ({@code atEnd}), ends inside a continuation (a last line ending in {@code \},
     * alone or followed by comment lines), which read alone is complete but in a file joins the line after
     * it. Used to tell whether a kept source text can be written again for an entry's key and value.
     */
    static UnitEntry reparseEntry(String raw, boolean atEnd) {
        UnitParser p = new UnitParser(true);
        try {
            p.run(raw);
        } catch (UnitSyntaxException e) {
            return null;
        }
        if ((p.endsOpen && !atEnd) || p.sections.size() != 1 || !p.sections.getFirst().name().isEmpty()
                || p.sections.getFirst().entries().size() != 1) {
            return null;
        }
        return p.sections.getFirst().entries().getFirst();
    }

    private void run(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        boolean finalNewline = body.length() != text.length();
        StringBuilder raw = new StringBuilder();
        String remaining = "";
        int firstLine = 0;
        int start = 0;
        int lineNr = 0;
        while (true) {
            int nl = body.indexOf('\n', start);
            boolean last = nl < 0;
            String physical = last ? body.substring(start) : body.substring(start, nl);
            lineNr++;
            raw.append(physical);
            if (!last || finalNewline) {
                raw.append('\n');
            }
            if (firstLine == 0) {
                firstLine = lineNr;
            }
            String line = GoSpace.trim(physical);
            boolean handled = false;
            if (isComment(line)) {
                // Podman drops comment lines that sit inside a continuation; their text stays in the raw.
                handled = !remaining.isEmpty();
            } else {
                if (line.endsWith("\\")) {
                    line = line.substring(0, line.length() - 1);
                    if (!last) {
                        remaining += line;
                        handled = true;
                    } else {
                        endsOpen = true; // Podman ends the continuation at the end of the file
                    }
                }
                if (!handled && !remaining.isEmpty()) {
                    line = remaining + line;
                    remaining = "";
                }
            }
            if (!handled) {
                parseLine(line, lineNr, firstLine, raw.toString());
                raw.setLength(0);
                firstLine = 0;
            }
            if (last) {
                break;
            }
            start = nl + 1;
        }
        if (!raw.isEmpty()) {
            // Only reachable when the text ends inside a continuation that Podman silently drops.
            entries.add(new UnitEntry(null, "", firstLine, raw.toString()));
            endsOpen = true;
        }
        closeSection();
    }

    private static boolean isComment(String line) {
        return line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';';
    }

    private void parseLine(String line, int lineNr, int firstLine, String raw) {
        if (isComment(line)) {
            entries.add(new UnitEntry(null, line, firstLine, raw));
            return;
        }
        int end = line.indexOf(']');
        if (line.charAt(0) == '[' && end >= 0 && onlyBlanks(line, end + 1)) {
            String name = line.substring(1, end);
            if (!groupNameIsValid(name)) {
                throw new UnitSyntaxException(lineNr, "invalid group name: " + shown(name));
            }
            closeSection();
            sectionName = name;
            sectionLine = firstLine;
            sectionHeader = raw;
            inGroup = true;
            return;
        }
        int eq = line.indexOf('=');
        if (eq > 0) {
            if (!inGroup) {
                throw new UnitSyntaxException(lineNr, "key file does not start with a group");
            }
            int keyEnd = eq;
            while (keyEnd > 0 && GoSpace.is(line.charAt(keyEnd - 1))) {
                keyEnd--;
            }
            String key = line.substring(0, keyEnd);
            if (key.isEmpty() || key.charAt(0) == ' ' || key.charAt(key.length() - 1) == ' ') {
                throw new UnitSyntaxException(lineNr, "invalid key name: " + shown(key));
            }
            int vs = eq + 1;
            while (vs < line.length() && GoSpace.is(line.charAt(vs))) {
                vs++;
            }
            entries.add(new UnitEntry(key, line.substring(vs), firstLine, raw));
            return;
        }
        throw new UnitSyntaxException(lineNr,
                "file contains line " + lineNr + ": \u201c" + shown(line) + "\u201d which is not a key-value pair, group, or comment");
    }

    /** Source text in a message, in Podman's wording but escaped and bounded like any quoted value. */
    private static String shown(String text) {
        return Check.oneLine(text, Check.QUOTE_LIMIT);
    }

    private static boolean onlyBlanks(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    static boolean groupNameIsValid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '[' || c == ']' || Character.getType(c) == Character.CONTROL) {
                return false;
            }
        }
        return true;
    }

    private void closeSection() {
        if (!sectionName.isEmpty() || !entries.isEmpty()) {
            sections.add(new UnitSection(sectionName, sectionLine, sectionHeader, entries));
        }
        entries = new ArrayList<>();
    }
}
