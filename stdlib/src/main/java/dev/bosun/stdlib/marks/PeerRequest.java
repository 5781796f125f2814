package dev.bosun.stdlib.marks;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;

/**
 * One peer to send out through one connection, for {@code marks.assignAll}. The peer is checked (and made
 * canonical) when the request is made, so a bad one in a list fails the call before anything is written.
 */
@Doc("A peer (IPv4/IPv6 address or CIDR) and the connection (id or name) it goes out through.")
public record PeerRequest(
        @Doc("IPv4/IPv6 address or CIDR, e.g. 10.9.0.2 or fd00::/64") String peer,
        @Doc("connection id or name") String connection) {

    public PeerRequest {
        PeerAddress.parse("peer", peer);
        Check.notBlank("connection", connection);
    }

    PeerAddress address() {
        return PeerAddress.parse("peer", peer);
    }
}
