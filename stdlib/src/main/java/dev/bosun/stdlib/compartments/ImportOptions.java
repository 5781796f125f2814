package dev.bosun.stdlib.compartments;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** Options of {@code compartments.import}. */
@Doc("Options of compartments.import")
public record ImportOptions(
        @Optional @Doc("the compartment id for a bundle (a spec carries its own); default: the id its volume paths name") String id) {

    public ImportOptions {
        if (id != null) {
            CompartmentNames.checkId("id", id);
        }
    }
}
