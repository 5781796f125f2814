package dev.bosun.stdlib.systemd;

import dev.bosun.api.Doc;

/**
 * @param command the systemctl command line
 * @param planned true when, under dry-run, it was only recorded
 */
@Doc("Result of a systemctl call.")
public record ControlResult(@Doc("the command line") String command, @Doc("true when only planned (dry-run)") boolean planned) {
}
