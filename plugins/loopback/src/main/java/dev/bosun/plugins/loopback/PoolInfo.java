package dev.bosun.plugins.loopback;

import dev.bosun.api.Doc;

/**
 * @param first     lowest address
 * @param last      highest address
 * @param size      addresses in the pool
 * @param allocated addresses handed out
 * @param changed   true when this call changed the pool
 */
@Doc("The loopback pool and how full it is.")
public record PoolInfo(@Doc("lowest address") String first, @Doc("highest address") String last,
                       @Doc("addresses in the pool") int size, @Doc("addresses handed out") int allocated,
                       @Doc("true when this call changed the pool") boolean changed) {
}
