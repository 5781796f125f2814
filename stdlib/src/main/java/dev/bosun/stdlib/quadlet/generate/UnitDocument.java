package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.unit.GoSpace;
import dev.bosun.stdlib.quadlet.unit.UnitEntry;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.UnitSection;
import dev.bosun.stdlib.quadlet.unit.WordSplitter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A unit file as the generator holds it in memory (Podman's {@code parser.UnitFile}): groups merged by
 * name in first-seen order, each with the comments written before its header and its lines (comments
 * and assignments) in order. Unlike {@link UnitFile} it is mutable, because the generator builds the
 * service by copying the Quadlet file and then adding, setting, renaming and removing entries; and it
 * writes itself back the way Podman does, which is what makes the generated text match.
 *
 * <p>Comments are attached as Podman attaches them: comment lines directly before a {@code [Header]}
 * belong to that group and are written before the header (one leading blank line dropped, as Podman
 * re-adds one between groups); comment lines before an assignment stay in the group's lines.
 */
final class UnitDocument {
    /** One line: an assignment, or a comment (then {@code key} is empty). */
    static final class Line {
        final String key;
        String value;
        final boolean comment;
        /** 1-based line in the Quadlet source, or null for lines the generator added. */
        final Integer sourceLine;

        Line(String key, String value, boolean comment, Integer sourceLine) {
            this.key = key;
            this.value = value;
            this.comment = comment;
            this.sourceLine = sourceLine;
        }

        Line copy() {
            return new Line(key, value, comment, sourceLine);
        }

        boolean isKey(String k) {
            return !comment && key.equals(k);
        }
    }

    private static final class Group {
        String name;
        final List<Line> comments = new ArrayList<>();
        List<Line> lines = new ArrayList<>();

        Group(String name) {
            this.name = name;
        }

        Line findLast(String key) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).isKey(key)) {
                    return lines.get(i);
                }
            }
            return null;
        }

        void mergeFrom(Group source) {
            source.comments.forEach(l -> comments.add(l.copy()));
            source.lines.forEach(l -> lines.add(l.copy()));
        }
    }

    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Group> byName = new HashMap<>();
    /** The release whose reading and writing rules apply (quotes, escapes, bare keys). */
    private final GeneratorRelease release;
    /** The file name, e.g. {@code web.container}; for a service, {@code web.service}. */
    private String fileName;
    /** The absolute path of the source file, or "" when it has none. */
    private String path = "";

    UnitDocument(String fileName, GeneratorRelease release) {
        this.fileName = fileName;
        this.release = release;
    }

    /** The sections of a parsed file (Bosun's {@link UnitSection}s) as the generator's parser would hold them. */
    static UnitDocument of(String fileName, String path, List<UnitSection> sections, GeneratorRelease release) {
        UnitDocument d = new UnitDocument(fileName, release);
        d.path = path == null ? "" : path;
        Group current = null;
        List<Line> pending = null;
        for (UnitSection s : sections) {
            if (!s.name().isEmpty()) {
                current = d.ensureGroup(s.name());
                if (pending != null) {
                    int from = !pending.isEmpty() && pending.getFirst().value.isEmpty() ? 1 : 0;
                    current.comments.addAll(pending.subList(from, pending.size()));
                    pending = null;
                }
            }
            for (UnitEntry e : s.entries()) {
                if (e.isAssignment()) {
                    if (pending != null) {
                        current.lines.addAll(pending);
                        pending = null;
                    }
                    current.lines.add(new Line(e.key(), e.value(), false, e.line()));
                } else if (!droppedByPodman(e)) {
                    if (pending == null) {
                        pending = new ArrayList<>();
                    }
                    pending.add(new Line("", e.value(), true, e.line()));
                }
            }
        }
        if (current == null) {
            current = d.ensureGroup("");
        }
        if (pending != null) {
            current.lines.addAll(pending);
        }
        return d;
    }

    /**
     * Bosun's parser keeps, as an empty comment entry, the text of a continuation that runs into a comment
     * at the end of the file; Podman drops that text altogether.
     */
    private static boolean droppedByPodman(UnitEntry e) {
        return e.value().isEmpty() && e.raw() != null && !GoSpace.trim(e.raw()).isEmpty();
    }

    String fileName() {
        return fileName;
    }

    void fileName(String name) {
        this.fileName = name;
    }

    String path() {
        return path;
    }

    private Group ensureGroup(String name) {
        Group g = byName.get(name);
        if (g == null) {
            g = new Group(name);
            groups.add(g);
            byName.put(name, g);
        }
        return g;
    }

    /** Podman's {@code Merge}: a drop-in's groups are appended to the groups of the same name. */
    void merge(UnitDocument source) {
        for (Group g : source.groups) {
            ensureGroup(g.name).mergeFrom(g);
        }
    }

    /** A copy with the same file name and no path, as Podman's {@code Dup}. */
    UnitDocument dup() {
        UnitDocument copy = new UnitDocument(fileName, release);
        copy.merge(this);
        return copy;
    }

    boolean hasGroup(String group) {
        return byName.containsKey(group);
    }

    List<String> groupNames() {
        return groups.stream().map(g -> g.name).toList();
    }

    /** The keys of a group, each once, in first-seen order. */
    List<String> listKeys(String group) {
        Group g = byName.get(group);
        List<String> keys = new ArrayList<>();
        if (g != null) {
            for (Line l : g.lines) {
                if (!l.comment && !keys.contains(l.key)) {
                    keys.add(l.key);
                }
            }
        }
        return keys;
    }

    /** The last line with the key, or null. */
    Line lastLine(String group, String key) {
        Group g = byName.get(group);
        return g == null ? null : g.findLast(key);
    }

    /** Source line of the last assignment of the key, for findings; null when unknown. */
    Integer lineOf(String group, String key) {
        Line l = lastLine(group, key);
        return l == null ? null : l.sourceLine;
    }

    boolean hasKey(String group, String key) {
        return lastLine(group, key) != null;
    }

    /** {@code LookupLast}: the last value as written (trailing blanks kept). */
    Optional<String> lookupLast(String group, String key) {
        Line l = lastLine(group, key);
        return l == null ? Optional.empty() : Optional.of(l.value);
    }

    /** {@code Lookup}: the last value, trailing blanks trimmed, one surrounding pair of double quotes removed. */
    Optional<String> lookup(String group, String key) {
        return lookupLast(group, key).map(v -> release.trimsAllQuotes() ? trimAllQuotes(v) : UnitFile.unquoteString(v));
    }

    /** Before 5.8.2: {@code strings.Trim(TrimRightFunc(v, IsSpace), "\"")}, every quote at either end. */
    private static String trimAllQuotes(String v) {
        String t = GoSpace.trimRight(v);
        int b = 0;
        int e = t.length();
        while (b < e && t.charAt(b) == '"') {
            b++;
        }
        while (e > b && t.charAt(e - 1) == '"') {
            e--;
        }
        return t.substring(b, e);
    }

    /** The {@code Lookup} value, or "" when the key is absent. */
    String value(String group, String key) {
        return lookup(group, key).orElse("");
    }

    Optional<Boolean> lookupBoolean(String group, String key) {
        return lookup(group, key).map(UnitFile::isTrue);
    }

    boolean lookupBoolean(String group, String key, boolean defaultValue) {
        return lookupBoolean(group, key).orElse(defaultValue);
    }

    /** {@code LookupUint32}: strtol-like reading; anything unreadable or out of range gives the default. */
    long lookupUint32(String group, String key, long defaultValue) {
        Optional<String> v = lookup(group, key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        Long n = GoNumbers.convertNumber(v.get());
        if (n == null || n < 0 || n > 0xFFFF_FFFFL) {
            return defaultValue;
        }
        return n;
    }

    /** {@code LookupAll}: every value in order; an empty assignment clears what came before. */
    List<String> lookupAll(String group, String key) {
        List<String> out = new ArrayList<>();
        Group g = byName.get(group);
        if (g != null) {
            for (Line l : g.lines) {
                if (l.isKey(key)) {
                    if (l.value.isEmpty()) {
                        out.clear();
                    } else {
                        out.add(l.value);
                    }
                }
            }
        }
        return out;
    }

    /** {@code LookupAllStrv}: every value split like systemd's strv; a value that fails to split adds nothing. */
    List<String> lookupAllStrv(String group, String key) {
        List<String> out = new ArrayList<>();
        for (String v : lookupAll(group, key)) {
            try {
                out.addAll(WordSplitter.STRV.split(v));
            } catch (WordSplitter.SplitException e) {
                // Podman keeps the words gathered so far and goes on with the next value.
            }
        }
        return out;
    }

    /** {@code LookupAllArgs}: every value split like an Exec= line; a value that fails to split is dropped. */
    List<String> lookupAllArgs(String group, String key) {
        List<String> out = new ArrayList<>();
        for (String v : lookupAll(group, key)) {
            try {
                out.addAll(WordSplitter.ARGS.split(v));
            } catch (WordSplitter.SplitException e) {
                // dropped silently, as Podman does
            }
        }
        return out;
    }

    /** {@code LookupLastArgs}: the last value split like an Exec= line; a split error is returned as a warning. */
    LastArgs lookupLastArgs(String group, String key) {
        Optional<String> v = lookupLast(group, key);
        if (v.isEmpty()) {
            return new LastArgs(null, null);
        }
        try {
            return new LastArgs(WordSplitter.ARGS.split(v.get()), null);
        } catch (WordSplitter.SplitException e) {
            return new LastArgs(null, e.getMessage());
        }
    }

    /** The words of a last-args key, or null when absent or unsplittable; {@code warning} is the split error. */
    record LastArgs(List<String> words, String warning) {
    }

    /**
     * {@code LookupAllKeyVal}: {@code KEY=VALUE} words of every value (a later KEY wins; a bare KEY maps to
     * null); a value that fails to split adds a warning and nothing else.
     */
    Map<String, String> lookupAllKeyVal(String group, String key, List<String> warnings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : lookupAll(group, key)) {
            List<String> words;
            try {
                words = WordSplitter.ARGS.split(v);
            } catch (WordSplitter.SplitException e) {
                warnings.add(e.getMessage());
                continue;
            }
            for (String w : words) {
                int eq = w.indexOf('=');
                if (eq >= 0) {
                    out.put(w.substring(0, eq), w.substring(eq + 1));
                } else if (release.keepsBareKeys()) {
                    out.put(w, null);
                }
            }
        }
        return out;
    }

    /** {@code Set}: changes the last line with the key, or adds one. */
    void set(String group, String key, String value) {
        Group g = ensureGroup(group);
        Line l = g.findLast(key);
        if (l != null) {
            l.value = value;
        } else {
            g.lines.add(new Line(key, value, false, null));
        }
    }

    void add(String group, String key, String value) {
        ensureGroup(group).lines.add(new Line(key, value, false, null));
    }

    /** {@code AddEscaped} (5.8; plain {@code Add} before): a value quoted and escaped when it needs it (paths with blanks). */
    void addEscaped(String group, String key, String value) {
        if (!release.escapesMountPaths()) {
            add(group, key, value);
            return;
        }
        add(group, key, ExecEscape.needsEscape(value) ? ExecEscape.quoted(value, release.escapesBlanks()) : value);
    }

    /** {@code AddCmdline}: an Exec= line from words. */
    void addCmdline(String group, String key, List<String> argv) {
        add(group, key, ExecEscape.words(argv, release.escapesBlanks()));
    }

    void unset(String group, String key) {
        Group g = byName.get(group);
        if (g != null) {
            g.lines.removeIf(l -> l.isKey(key));
        }
    }

    /** {@code PrependUnitLine}: an assignment at the top of the group (or of the first group for ""). */
    void prependLine(String group, String key, String value) {
        Group g = group.isEmpty() && !groups.isEmpty() ? groups.getFirst() : ensureGroup(group);
        g.lines.addFirst(new Line(key, value, false, null));
    }

    /** {@code PrependComment}: comment lines ({@code # text}) before the header of the group (or of the first group). */
    void prependComment(String group, List<String> comments) {
        Group g = group.isEmpty() && !groups.isEmpty() ? groups.getFirst() : ensureGroup(group);
        for (int i = comments.size() - 1; i >= 0; i--) {
            g.comments.addFirst(new Line("", "# " + comments.get(i), true, null));
        }
    }

    /** {@code RenameGroup}: renamed in place, or merged into an existing group of the new name. */
    void renameGroup(String from, String to) {
        Group g = byName.get(from);
        if (g == null) {
            return;
        }
        Group existing = byName.get(to);
        if (existing == null) {
            byName.remove(from);
            g.name = to;
            byName.put(to, g);
        } else if (existing != g) {
            existing.mergeFrom(g);
            byName.remove(from);
            groups.remove(g);
        }
    }

    /** The text as Podman writes it: groups separated by a blank line, comments before headers. */
    String write() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (i != 0) {
                out.append('\n');
            }
            for (Line c : g.comments) {
                writeLine(out, c);
            }
            if (g.name.isEmpty()) {
                continue;
            }
            out.append('[').append(g.name).append("]\n");
            for (Line l : g.lines) {
                writeLine(out, l);
            }
        }
        return out.toString();
    }

    private static void writeLine(StringBuilder out, Line l) {
        if (l.comment) {
            out.append(l.value).append('\n');
        } else {
            out.append(l.key).append('=').append(l.value).append('\n');
        }
    }
}
