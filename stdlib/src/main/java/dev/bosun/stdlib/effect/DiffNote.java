package dev.bosun.stdlib.effect;

import dev.bosun.api.Change;

import java.nio.charset.StandardCharsets;

/**
 * A plan note that carries a unified diff: for a file that something other than Bosun will write (Podman's
 * Quadlet generator writes services at systemd's daemon-reload), shown as a file change is, with the same
 * diff form and secret masking, but recorded as a note, so it is neither applied, counted nor audited as a change.
 */
public final class DiffNote {
    private DiffNote() {
    }

    /**
     * The note for {@code path} going from {@code before} (null: absent) to {@code after} (null: gone), or null
     * when the two are equal (nothing to show).
     */
    public static Change of(String target, String summary, String path, String before, String after) {
        String diff = UnifiedDiff.of(path, bytes(before), bytes(after));
        return diff == null ? null : new Change(Change.Kind.NOTE, target, summary, diff);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
