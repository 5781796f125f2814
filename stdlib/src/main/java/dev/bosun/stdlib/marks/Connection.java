package dev.bosun.stdlib.marks;

import dev.bosun.api.Doc;

import java.util.List;

/**
 * An allocated connection as stored.
 *
 * @param id           UUID
 * @param type         connection type
 * @param name         unique name
 * @param mark         fwmark, hex ({@code 0x1010})
 * @param table        routing table number (paired with the mark)
 * @param priority     priority of its {@code ip rule}
 * @param iface        interface name for tunnel types, else null
 * @param redirectPort redirect port for tor/sshuttle/proxy, else null
 * @param created      ISO-8601 instant
 * @param peers        peers assigned to it, canonical
 */
@Doc("An allocated connection: mark, table and, by type, interface or redirect port.")
public record Connection(
        @Doc("UUID") String id,
        @Doc("connection type") ConnectionType type,
        @Doc("unique name") String name,
        @Doc("fwmark, hex") String mark,
        @Doc("routing table (paired with the mark)") int table,
        @Doc("ip rule priority") int priority,
        @Doc("interface name (wireguard_ext, openvpn)") String iface,
        @Doc("redirect port (tor, sshuttle, proxy)") Integer redirectPort,
        @Doc("when it was allocated") String created,
        @Doc("assigned peers") List<String> peers) {

    public Connection {
        peers = peers == null ? List.of() : List.copyOf(peers);
    }

    /** The slot number behind mark and table. */
    int slot() {
        return table - MarkPool.TABLE_BASE;
    }

    long markValue() {
        return Long.decode(mark);
    }
}
