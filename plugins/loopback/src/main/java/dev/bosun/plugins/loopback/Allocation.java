package dev.bosun.plugins.loopback;

import dev.bosun.api.Doc;

import java.util.List;

/**
 * One sandbox's loopback address.
 *
 * @param slug      the sandbox it belongs to
 * @param address   its address, e.g. 127.0.0.16
 * @param allowlist the egress allowlist for it: the one /32
 * @param changed   true when this call allocated it (false: it already had it)
 */
@Doc("A sandbox's loopback address.")
public record Allocation(@Doc("the sandbox") String slug,
                         @Doc("its loopback address") String address,
                         @Doc("egress allowlist: [address/32]") List<String> allowlist,
                         @Doc("true when this call allocated it") boolean changed) {
    static Allocation of(String slug, String address, boolean changed) {
        return new Allocation(slug, address, List.of(address + "/32"), changed);
    }
}
