package dev.bosun.plugins.loopback;

import dev.bosun.api.Doc;

import java.util.List;

/**
 * A sandbox's loopback address as {@code loopback.list} shows it: what is allocated, without the
 * {@code changed} of {@link Allocation}, which only means something for the call that allocated.
 *
 * @param slug      the sandbox it belongs to
 * @param address   its address, e.g. 127.0.0.16
 * @param allowlist the egress allowlist for it: the one /32
 */
@Doc("A sandbox's allocated loopback address.")
public record LoopbackAddress(@Doc("the sandbox") String slug,
                              @Doc("its loopback address") String address,
                              @Doc("egress allowlist: [address/32]") List<String> allowlist) {
    static LoopbackAddress of(String slug, String address) {
        return new LoopbackAddress(slug, address, List.of(address + "/32"));
    }
}
