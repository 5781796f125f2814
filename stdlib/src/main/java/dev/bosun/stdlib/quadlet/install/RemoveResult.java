package dev.bosun.stdlib.quadlet.install;

import dev.bosun.api.Doc;

/**
 * @param path    the unit file
 * @param changed false when there was nothing to remove
 */
@Doc("Result of removing a unit file.")
public record RemoveResult(@Doc("unit file path") String path, @Doc("false when it was already absent") boolean changed) {
}
