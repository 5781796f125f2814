package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.unit.UnitFile;

import java.util.List;

/**
 * A Quadlet unit as the generator reads it: its file name, where it lives (for {@code SourcePath=} and
 * relative paths; "" for a unit that is not in a file), its text parsed, and its drop-ins in the order
 * they are applied.
 */
public record SourceUnit(String fileName, String path, UnitFile file, List<UnitFile> dropIns) {
    public SourceUnit {
        path = path == null ? "" : path;
        dropIns = dropIns == null ? List.of() : List.copyOf(dropIns);
    }

    /** The unit with its drop-ins merged, as the generator holds it. */
    UnitDocument document(GeneratorRelease release) {
        UnitDocument d = UnitDocument.of(fileName, path, file.sections(), release);
        for (UnitFile dropIn : dropIns) {
            d.merge(UnitDocument.of(fileName, "", dropIn.sections(), release));
        }
        return d;
    }
}
