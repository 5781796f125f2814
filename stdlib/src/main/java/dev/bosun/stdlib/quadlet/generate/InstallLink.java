package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.api.Doc;

/**
 * A symlink the generator creates in its output directory for {@code [Install]}, e.g.
 * {@code default.target.wants/web.service -> ../web.service}.
 */
@Doc("A symlink for [Install]: path (relative to the output directory) and its target.")
public record InstallLink(@Doc("link path relative to the output directory") String path,
                          @Doc("what the link points to") String target) {
}
