package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

/**
 * An error or warning of the conversion of one unit, in Podman's wording.
 *
 * @param key     the Quadlet key concerned, or null for the unit as a whole
 * @param line    1-based line of that key in the unit (drop-ins included as merged), or null
 * @param message Podman's text, without the {@code converting "x": } prefix of errors
 */
@Doc("An error or warning of the conversion, in Podman's wording.")
public record Problem(@Doc("key concerned, or null") @Nullable String key,
                      @Doc("1-based line of the key, or null") @Nullable Integer line,
                      @Doc("Podman's message") String message) {
}
