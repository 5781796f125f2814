package dev.bosun.plugins.loopback;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

/**
 * @param slug    the sandbox
 * @param address the address it had, or null when it had none
 * @param changed true when an address was released
 */
@Doc("The result of loopback.release.")
public record Released(@Doc("the sandbox") String slug, @Doc("the address it had, or null") @Nullable String address,
                       @Doc("true when an address was released") boolean changed) {
}
