package dev.bosun.stdlib.quadlet.install;

import dev.bosun.api.Doc;
import dev.bosun.stdlib.quadlet.check.Finding;

import java.util.List;

/**
 * @param path     the unit file on the host
 * @param changed  false when the file already had this content, owner and mode
 * @param findings validation warnings (errors refuse the install)
 */
@Doc("Result of installing one unit file.")
public record InstallResult(@Doc("unit file path") String path,
                            @Doc("false when nothing had to change") boolean changed,
                            @Doc("validation warnings") List<Finding> findings) {
}
