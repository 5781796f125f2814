package dev.bosun.stdlib.quadlet.check;

import dev.bosun.api.Doc;

/**
 * One validation result.
 *
 * @param severity error or warning
 * @param key      the key concerned (e.g. {@code ReloadCmd}), or null for the unit as a whole
 * @param line     1-based line of the entry concerned, or null
 * @param message  what is wrong; Podman's own wording where Podman has one
 */
@Doc("A validation finding: severity, key, line and message (Podman's wording where it has one).")
public record Finding(@Doc("error or warning") Severity severity,
                      @Doc("key concerned, or null") String key,
                      @Doc("1-based line, or null") Integer line,
                      @Doc("what is wrong") String message) {
    /** As the generator would print it for the file, e.g. {@code converting "x.container": ...}. */
    public String asPodmanWould(String fileName) {
        return severity == Severity.ERROR ? "converting \"" + fileName + "\": " + message : "Warning: " + message;
    }
}
