package dev.bosun.stdlib.quadlet.unit;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

/**
 * One line of a unit file section: a {@code Key=value} assignment, or a comment or blank line
 * (then {@code key} is null).
 *
 * @param key   the key, or null for a comment or blank line
 * @param value the value as Podman reads it (continuations joined, leading blanks dropped, quotes kept);
 *              for a comment the trimmed comment text, for a blank line ""
 * @param line  1-based line number in the source, or null for an entry that was not parsed
 * @param raw   the exact source text of the entry including line ends and continuation lines, or null;
 *              kept so that an unchanged file renders byte for byte as it was read
 */
@Doc("One line of a section: Key=value, or a comment/blank line (key null).")
public record UnitEntry(@Doc("key; null for a comment or blank line") @Nullable String key,
                        @Doc("value as Podman reads it; comment text for comments") String value,
                        @Doc("1-based source line, null when built") @Nullable Integer line,
                        @Doc("exact source text, null when built") @Nullable String raw) {
    public UnitEntry {
        value = value == null ? "" : value;
    }

    public static UnitEntry of(String key, String value) {
        return new UnitEntry(key, value, null, null);
    }

    public static UnitEntry comment(String text) {
        return new UnitEntry(null, text, null, null);
    }

    public boolean isAssignment() {
        return key != null;
    }
}
