package dev.bosun.stdlib.compartments;

import dev.bosun.api.Doc;

/** One compartment in {@code compartments.list}. */
@Doc("A compartment Bosun manages")
public record CompartmentSummary(
        @Doc("compartment id") String id,
        @Doc("the user qm-<id>") String user,
        @Doc("number of containers in the applied spec") int containers,
        @Doc("number of volumes in the applied spec") int volumes,
        @Doc("number of things on the host recorded as the compartment's") int owned) {
}
