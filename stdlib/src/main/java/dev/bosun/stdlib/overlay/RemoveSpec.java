package dev.bosun.stdlib.overlay;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** How {@code overlay.remove} treats a busy mount. */
@Doc("Options of overlay.remove")
public record RemoveSpec(
        @Optional @Doc("when the merged mount is busy, detach it lazily (umount -l) instead of refusing; default false")
        Boolean force) {

    public RemoveSpec {
        force = force != null && force;
    }
}
