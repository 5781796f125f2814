package dev.bosun.stdlib.compartments;

import dev.bosun.api.Change;
import dev.bosun.api.Doc;

import java.util.List;

/** What {@code compartments.remove} took away. */
@Doc("Result of compartments.remove")
public record CompartmentRemoved(
        @Doc("compartment id") String id,
        @Doc("false when Bosun had nothing recorded for it") boolean changed,
        @Doc("the changes in order") List<Change> changes,
        @Doc("what was left and why, e.g. kept volumes") List<String> warnings) {
}
