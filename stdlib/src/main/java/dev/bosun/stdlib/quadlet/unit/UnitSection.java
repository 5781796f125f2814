package dev.bosun.stdlib.quadlet.unit;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

import java.util.List;

/**
 * A {@code [Name]} section with its lines in file order. Comments and blank lines before the first
 * header form a section with the empty name. A name may occur in several sections; Podman merges them.
 *
 * @param name    the group name, "" for lines before the first header
 * @param line    1-based line of the header, or null
 * @param header  the exact header source text including its line end, or null
 * @param entries the lines of the section
 */
@Doc("A [Name] section of a unit file with its lines in order.")
public record UnitSection(@Doc("section name; \"\" for lines before the first header") String name,
                          @Doc("1-based header line, null when built") @Nullable Integer line,
                          @Doc("exact header source text, null when built") @Nullable String header,
                          @Doc("the lines of the section") List<UnitEntry> entries) {
    public UnitSection {
        name = name == null ? "" : name;
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static UnitSection of(String name, List<UnitEntry> entries) {
        return new UnitSection(name, null, null, entries);
    }
}
