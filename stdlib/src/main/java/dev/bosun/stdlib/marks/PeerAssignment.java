package dev.bosun.stdlib.marks;

import dev.bosun.api.Doc;

/**
 * A peer and its connection.
 *
 * @param peer           canonical address or CIDR
 * @param connectionId   connection id, or null when it has none
 * @param connectionName connection name, or null
 * @param changed        false when the call changed nothing
 */
@Doc("A peer (canonical address or CIDR) and the connection it goes out through.")
public record PeerAssignment(String peer, String connectionId, String connectionName, boolean changed) {
}
