package dev.bosun.stdlib.quadlet.install;

import dev.bosun.api.Doc;
import dev.bosun.stdlib.quadlet.UnitType;

/**
 * @param fileName e.g. {@code web.container}
 * @param type     the unit type
 * @param path     the file on the host
 * @param size     size in bytes
 */
@Doc("A unit file in a user's Quadlet directory.")
public record InstalledUnit(@Doc("file name, e.g. web.container") String fileName,
                            @Doc("unit type") UnitType type,
                            @Doc("path on the host") String path,
                            @Doc("size in bytes") long size) {
}
