package dev.bosun.stdlib.quadlet.unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed unit file with Podman's lookup semantics. Sections of the same name are merged, as
 * Podman's {@code ensureGroup} does (and as drop-ins are applied), so lookups see every entry of a
 * name in file order.
 */
public final class UnitFile {
    private final List<UnitSection> sections;
    private final Map<String, List<UnitEntry>> groups = new HashMap<>();

    public UnitFile(List<UnitSection> sections) {
        this.sections = List.copyOf(sections);
        for (UnitSection s : this.sections) {
            if (s.name().isEmpty()) {
                continue;
            }
            List<UnitEntry> g = groups.computeIfAbsent(s.name(), k -> new ArrayList<>());
            for (UnitEntry e : s.entries()) {
                if (e.isAssignment()) {
                    g.add(e);
                }
            }
        }
    }

    public static UnitFile parse(String text) {
        return new UnitFile(UnitParser.parse(text));
    }

    public List<UnitSection> sections() {
        return sections;
    }

    public String render() {
        return UnitWriter.render(sections);
    }

    /** This file with the sections of drop-ins appended, the way Podman merges {@code *.conf} files. */
    public UnitFile withDropIns(List<UnitFile> dropIns) {
        List<UnitSection> all = new ArrayList<>(sections);
        for (UnitFile d : dropIns) {
            all.addAll(d.sections);
        }
        return new UnitFile(all);
    }

    public boolean hasGroup(String group) {
        return groups.containsKey(group);
    }

    /** Group names in first-seen order. */
    public List<String> groupNames() {
        List<String> names = new ArrayList<>();
        for (UnitSection s : sections) {
            if (!s.name().isEmpty() && !names.contains(s.name())) {
                names.add(s.name());
            }
        }
        return names;
    }

    /** Every assignment of the group in file order (no reset semantics; for key checks). */
    public List<UnitEntry> entries(String group) {
        return groups.getOrDefault(group, List.of());
    }

    /** Podman's {@code LookupAll}: values in order; an empty assignment clears what came before. */
    public List<String> lookupAll(String group, String key) {
        List<String> out = new ArrayList<>();
        for (UnitEntry e : lookupAllEntries(group, key)) {
            out.add(e.value());
        }
        return out;
    }

    /** The entries behind {@link #lookupAll}, for line numbers. */
    public List<UnitEntry> lookupAllEntries(String group, String key) {
        List<UnitEntry> out = new ArrayList<>();
        for (UnitEntry e : entries(group)) {
            if (e.key().equals(key)) {
                if (e.value().isEmpty()) {
                    out.clear();
                } else {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** The last assignment of the key, empty ones included. */
    public Optional<UnitEntry> lastEntry(String group, String key) {
        List<UnitEntry> g = entries(group);
        for (int i = g.size() - 1; i >= 0; i--) {
            if (g.get(i).key().equals(key)) {
                return Optional.of(g.get(i));
            }
        }
        return Optional.empty();
    }

    /** Podman's {@code LookupLast}: the last value (possibly empty), untrimmed. */
    public Optional<String> lookupLast(String group, String key) {
        return lastEntry(group, key).map(UnitEntry::value);
    }

    /** Podman's {@code Lookup}: the last value, trailing blanks trimmed, one surrounding pair of {@code "} removed. */
    public Optional<String> lookup(String group, String key) {
        return lookupLast(group, key).map(UnitFile::unquoteString);
    }

    /** The string-kind reading of a raw value. */
    public static String unquoteString(String raw) {
        String v = GoSpace.trimRight(raw);
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Podman's {@code LookupBoolean}: true only for 1, yes, true, on (any case). */
    public Optional<Boolean> lookupBoolean(String group, String key) {
        return lookup(group, key).map(UnitFile::isTrue);
    }

    public static boolean isTrue(String v) {
        return v.equalsIgnoreCase("1") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true")
                || v.equalsIgnoreCase("on");
    }
}
