package dev.bosun.stdlib.compartments;

import dev.bosun.api.Change;
import dev.bosun.api.Doc;
import dev.bosun.stdlib.systemd.UnitStatus;

import java.util.List;

/** How far the host is from a compartment's applied spec. */
@Doc("Result of compartments.status: drift from the applied spec and the services' state")
public record CompartmentStatus(
        @Doc("compartment id") String id,
        @Doc("the user qm-<id>") String user,
        @Doc("true when the host is as the applied spec says (no drift) and every autostart service is active where that can be asked") boolean clean,
        @Doc("what apply would change to bring the host back to the applied spec: unit files changed by hand (with diffs), missing users, helpers or ranges, lingering, volume owners and modes") List<Change> drift,
        @Doc("state of each container service (live host with the user's manager running; empty otherwise)") List<UnitStatus> services,
        @Doc("what could not be looked at, and why") List<String> warnings) {
}
