package dev.bosun.stdlib.marks;

import java.util.ArrayList;
import java.util.List;

/**
 * What the records ask the kernel to have: per connection one rule (and, for tunnels, one default
 * route) per address family in use, the rp_filter-safe rule per family, the {@code inet bosun}
 * table with every peer, and {@code src_valid_mark=1}. IPv6 rules and routes exist only for
 * connections that have an IPv6 peer, so hosts without IPv6 are not asked for IPv6 state.
 *
 * @param rules        wanted rules, by family then priority
 * @param routes       wanted routes
 * @param nft          the table, or null when there are no connections (then the table must go)
 * @param srcValidMark "1" when there are connections, else null (left as it is)
 */
record DesiredState(List<IpRule> rules, List<IpRoute> routes, NftTable nft, String srcValidMark) {

    static DesiredState of(List<Connection> connections) {
        List<IpRule> rules = new ArrayList<>();
        List<IpRoute> routes = new ArrayList<>();
        if (connections.isEmpty()) {
            return new DesiredState(rules, routes, null, null);
        }
        for (int family : new int[] {4, 6}) {
            List<Connection> inFamily = connections.stream().filter(c -> family == 4 || hasIpv6Peer(c)).toList();
            if (inFamily.isEmpty()) {
                continue;
            }
            rules.add(IpRule.suppressDefault(family));
            for (Connection c : inFamily) {
                rules.add(IpRule.forConnection(family, c));
                if (c.iface() != null) {
                    routes.add(IpRoute.defaultVia(family, c));
                }
            }
        }
        return new DesiredState(rules, routes, NftTable.of(connections), "1");
    }

    private static boolean hasIpv6Peer(Connection c) {
        return c.peers().stream().anyMatch(p -> p.contains(":"));
    }
}
