package dev.bosun.stdlib.systemd;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

/**
 * @param unit    the unit, or null for daemonReload
 * @param changed false when the manager already was in the requested state and nothing ran
 * @param command the systemctl command line that ran (or, under dry-run, would run); null when nothing had to
 * @param planned true when, under dry-run, the command was only recorded
 */
@Doc("Result of a systemd control operation.")
public record ControlResult(@Doc("the unit; null for daemonReload") @Nullable String unit,
                            @Doc("false when it already was so and nothing ran") boolean changed,
                            @Doc("the systemctl command line, null when nothing had to run") @Nullable String command,
                            @Doc("true when only planned (dry-run)") boolean planned) {

    static ControlResult unchanged(String unit) {
        return new ControlResult(unit, false, null, false);
    }
}
