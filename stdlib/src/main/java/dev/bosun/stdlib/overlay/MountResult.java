package dev.bosun.stdlib.overlay;

import dev.bosun.api.Doc;

/** What {@code overlay.mount} did. */
@Doc("The result of overlay.mount")
public record MountResult(
        @Doc("the overlay's name") String name,
        @Doc("the mount point") String merged,
        @Doc("true for a read-only view") boolean readOnly,
        @Doc("the overlay mount options (as mounted now, or as they would be)") String options,
        @Doc("false when it was already mounted") boolean changed) {
}
