package dev.bosun.stdlib.quadlet.check;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

/**
 * One validation result.
 *
 * @param severity error or warning
 * @param key      the key concerned (e.g. {@code ReloadCmd}), or null for the unit as a whole
 * @param line     1-based line of the entry concerned, or null
 * @param message  what is wrong; Podman's own wording for what Podman's generator raises
 * @param by       {@code podman} when Podman's generator raises it, {@code bosun} for Bosun's own checks
 */
@Doc("A validation finding: severity, key, line, message (Podman's wording where Podman raises it) and who raises it.")
public record Finding(@Doc("error or warning") Severity severity,
                      @Doc("key concerned, or null") @Nullable String key,
                      @Doc("1-based line, or null") @Nullable Integer line,
                      @Doc("what is wrong") String message,
                      @Doc("podman: Podman's generator raises it (its wording); bosun: Bosun's own check") String by) {
    public static final String PODMAN = "podman";
    public static final String BOSUN = "bosun";

    /** A finding of Podman's generator. */
    public Finding(Severity severity, String key, Integer line, String message) {
        this(severity, key, line, message, PODMAN);
    }

    /** As the generator would print it for the file, e.g. {@code converting "x.container": ...}. */
    public String asPodmanWould(String fileName) {
        return severity == Severity.ERROR ? "converting \"" + fileName + "\": " + message : "Warning: " + message;
    }
}
