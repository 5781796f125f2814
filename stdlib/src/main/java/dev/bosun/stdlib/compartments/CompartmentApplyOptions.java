package dev.bosun.stdlib.compartments;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** Options of {@code compartments.apply}. */
@Doc("Options of compartments.apply")
public record CompartmentApplyOptions(
        @Optional @Doc("also delete host-directory volumes the spec no longer has (their data with them); default false: they are kept and reported") Boolean pruneVolumes) {

    public CompartmentApplyOptions {
        pruneVolumes = pruneVolumes != null && pruneVolumes;
    }
}
