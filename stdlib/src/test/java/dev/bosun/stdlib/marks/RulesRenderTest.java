package dev.bosun.stdlib.marks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** marks.rules(): the wanted state as data and the exact commands, without touching any kernel state. */
class RulesRenderTest {
    private static Connection conn(ConnectionType type, String name, int slot, String iface, Integer port, List<String> peers) {
        return new Connection("id-" + name, type, name, MarkPool.hex(MarkPool.mark(slot)), MarkPool.table(slot),
                MarkPool.priority(slot), iface, port, "2026-01-01T00:00:00Z", peers);
    }

    @Test
    void rendersRulesRoutesNftAndCommands() {
        List<Connection> cs = List.of(
                conn(ConnectionType.WIREGUARD_EXT, "exit1", 0, "wgext_exit1", null, List.of("10.9.0.2", "fd00::/64")),
                conn(ConnectionType.TOR, "tor1", 1, null, 9100, List.of("10.9.0.3")));
        RulesView v = Applier.render(new Target("t1"), cs);
        assertEquals(List.of(
                "ipv4 10000: from all fwmark 0x1000/0xfffff00f lookup main suppress_prefixlength 0",
                "ipv4 10001: from all fwmark 0x1000 lookup 1000",
                "ipv4 10002: from all fwmark 0x1010 lookup 1001",
                "ipv6 10000: from all fwmark 0x1000/0xfffff00f lookup main suppress_prefixlength 0",
                "ipv6 10001: from all fwmark 0x1000 lookup 1000"), v.rules());
        assertEquals(List.of("ipv4 default dev wgext_exit1 table 1000", "ipv6 default dev wgext_exit1 table 1000"), v.routes());
        assertEquals(Map.of("net.ipv4.conf.all.src_valid_mark", "1"), v.sysctls());
        assertTrue(v.nft().startsWith("table inet bosun {\n  map mark4 { type ipv4_addr : mark; flags interval; }\n"), v.nft());
        assertTrue(v.nft().contains("    ct mark 0x1000-0x1ff0 meta mark set ct mark comment \"bosun restore\"\n"
                + "    meta mark set ip saddr map @mark4 ct mark set meta mark comment \"bosun mark4\"\n"), v.nft());
        assertTrue(v.nft().endsWith("add element inet bosun mark4 { 10.9.0.2 : 0x1000, 10.9.0.3 : 0x1010 }\n"
                + "add element inet bosun mark6 { fd00::/64 : 0x1000 }\n"
                + "add element inet bosun redir4 { 10.9.0.3 : 9100 }\n"), v.nft());
        assertEquals(List.of(
                "ip netns exec t1 sysctl -w net.ipv4.conf.all.src_valid_mark=1",
                "ip -n t1 -4 rule add fwmark 0x1000/0xfffff00f table main suppress_prefixlength 0 priority 10000",
                "ip -n t1 -4 rule add fwmark 0x1000 table 1000 priority 10001",
                "ip -n t1 -4 rule add fwmark 0x1010 table 1001 priority 10002",
                "ip -n t1 -4 route add default dev wgext_exit1 table 1000",
                "ip -n t1 -6 rule add fwmark 0x1000/0xfffff00f table main suppress_prefixlength 0 priority 10000",
                "ip -n t1 -6 rule add fwmark 0x1000 table 1000 priority 10001",
                "ip -n t1 -6 route add default dev wgext_exit1 table 1000",
                "ip netns exec t1 nft -f - <<< " + SKELETON,
                "ip netns exec t1 nft -f - <<< 'add element inet bosun mark4 { 10.9.0.2 : 0x1000, 10.9.0.3 : 0x1010 }'",
                "ip netns exec t1 nft -f - <<< 'add element inet bosun mark6 { fd00::/64 : 0x1000 }'",
                "ip netns exec t1 nft -f - <<< 'add element inet bosun redir4 { 10.9.0.3 : 9100 }'"), v.commands());
        // The nft commands together feed exactly the script the apply's one batch feeds.
        assertTrue(v.nft().startsWith(NftTable.skeleton()), v.nft());
    }

    /** The table as the plan shows it: the whole nft input as one bash word, every line of it. */
    static final String SKELETON = "$'table inet bosun {\\n"
            + "  map mark4 { type ipv4_addr : mark; flags interval; }\\n"
            + "  map mark6 { type ipv6_addr : mark; flags interval; }\\n"
            + "  map redir4 { type ipv4_addr : inet_service; flags interval; }\\n"
            + "  map redir6 { type ipv6_addr : inet_service; flags interval; }\\n"
            + "  chain peer_mark {\\n"
            + "    type filter hook prerouting priority mangle; policy accept;\\n"
            + "    ct mark 0x1000-0x1ff0 meta mark set ct mark comment \"bosun restore\"\\n"
            + "    meta mark set ip saddr map @mark4 ct mark set meta mark comment \"bosun mark4\"\\n"
            + "    meta mark set ip6 saddr map @mark6 ct mark set meta mark comment \"bosun mark6\"\\n"
            + "  }\\n"
            + "  chain peer_redirect {\\n"
            + "    type nat hook prerouting priority dstnat; policy accept;\\n"
            + "    meta l4proto tcp redirect to :ip saddr map @redir4 comment \"bosun redirect4\"\\n"
            + "    meta l4proto tcp redirect to :ip6 saddr map @redir6 comment \"bosun redirect6\"\\n"
            + "  }\\n"
            + "}'";

    @Test
    void noConnectionsMeansNothingWanted() {
        RulesView v = Applier.render(Target.host(), List.of());
        assertEquals(List.of(), v.rules());
        assertEquals(List.of(), v.commands());
        assertNull(v.nft());
    }

    @Test
    void badNetnsNameIsRefused() {
        dev.bosun.api.InvalidValueException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.bosun.api.InvalidValueException.class, () -> new Target("../x"));
        assertEquals("netns \"../x\" must match [A-Za-z0-9][A-Za-z0-9_.-]{0,63}", e.getMessage());
    }
}
