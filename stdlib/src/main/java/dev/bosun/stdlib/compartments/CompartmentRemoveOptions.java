package dev.bosun.stdlib.compartments;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** Options of {@code compartments.remove}. */
@Doc("Options of compartments.remove")
public record CompartmentRemoveOptions(
        @Optional @Doc("keep the host-directory volumes (their data stays, owned by uids that no longer have a name); default false") Boolean keepVolumes,
        @Optional @Doc("end the user's remaining processes (loginctl terminate-user) instead of refusing; default false") Boolean force) {

    public CompartmentRemoveOptions {
        keepVolumes = keepVolumes != null && keepVolumes;
        force = force != null && force;
    }
}
