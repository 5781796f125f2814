package dev.bosun.stdlib.compartments;

import dev.bosun.api.Change;
import dev.bosun.api.Doc;

import java.util.List;

/** What {@code compartments.apply} (or {@code plan}) changed, or would change. */
@Doc("Result of compartments.apply and compartments.plan")
public record CompartmentApplied(
        @Doc("compartment id") String id,
        @Doc("the user qm-<id>") String user,
        @Doc("false when the host already was as the spec says (nothing planned)") boolean changed,
        @Doc("the changes in order: files with diffs, commands, state records (plan: what apply would do)") List<Change> changes,
        @Doc("things worth knowing that did not stop the call, e.g. a volume kept that the spec no longer has") List<String> warnings) {
}
