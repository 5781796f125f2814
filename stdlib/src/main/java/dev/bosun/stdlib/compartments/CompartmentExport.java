package dev.bosun.stdlib.compartments;

import dev.bosun.api.Doc;

/** What {@code compartments.export} gives. */
@Doc("A compartment exported: its spec and its units as a Podman .quadlets bundle")
public record CompartmentExport(
        @Doc("compartment id") String id,
        @Doc("the applied spec; compartments.import takes it back unchanged") CompartmentSpec spec,
        @Doc("the spec as JSON text, as a spec file holds it") String specJson,
        @Doc("the compartment's Quadlet units as one .quadlets bundle (Podman 5.8's podman quadlet install format)") String bundle) {
}
