package dev.bosun.stdlib.systemd;

import dev.bosun.api.Doc;

/**
 * @param unit        the unit name
 * @param loadState   e.g. loaded, not-found
 * @param activeState e.g. active, inactive, failed
 * @param subState    e.g. running, dead
 * @param since       when the active state last changed, as systemd prints it, or null
 * @param mainPid     the main process id, 0 when none
 */
@Doc("State of a systemd unit.")
public record UnitStatus(@Doc("unit name") String unit, @Doc("load state") String loadState,
                         @Doc("active state") String activeState, @Doc("sub state") String subState,
                         @Doc("since when, as systemd prints it") String since, @Doc("main pid, 0 when none") long mainPid) {
}
