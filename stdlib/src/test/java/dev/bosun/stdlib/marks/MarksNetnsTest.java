package dev.bosun.stdlib.marks;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.bosun.stdlib.marks.ScratchNetns.run;
import static dev.bosun.stdlib.marks.ScratchNetns.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real kernel state in three scratch namespaces, the reference topology (host-ops §3.3): a peer
 * namespace (10.8.0.5 assigned, 10.8.0.8 not), a router with a veth named like the tunnel
 * ({@code wgext_exit1}) and no default route, and an exit holding 192.0.2.1. The router runs
 * strict rp_filter, so the rp_filter-safe setup (§3.4) is exercised too.
 */
class MarksNetnsTest {
    private ScratchNetns netns;
    private Path dir;
    private LocalHostContext ctx;
    private final MarksModule marks = new MarksModule();
    private String peer;
    private String rtr;
    private String exit;

    @BeforeEach
    void topology() throws IOException {
        Assumptions.assumeTrue(ScratchNetns.usable(), "needs root with ip (iproute2), nft (nftables) and ping (iputils-ping) to test in network namespaces");
        netns = new ScratchNetns();
        peer = netns.add("peer");
        rtr = netns.add("rtr");
        exit = netns.add("exit");
        sh("ip", "-n", rtr, "link", "add", "p1", "type", "veth", "peer", "name", "p2", "netns", peer);
        sh("ip", "-n", rtr, "link", "add", "wgext_exit1", "type", "veth", "peer", "name", "e3", "netns", exit);
        sh("ip", "-n", peer, "addr", "add", "10.8.0.5/24", "dev", "p2");
        sh("ip", "-n", peer, "addr", "add", "10.8.0.8/24", "dev", "p2");
        sh("ip", "-n", peer, "link", "set", "p2", "up");
        sh("ip", "-n", peer, "route", "add", "default", "via", "10.8.0.1");
        sh("ip", "-n", rtr, "addr", "add", "10.8.0.1/24", "dev", "p1");
        sh("ip", "-n", rtr, "addr", "add", "10.99.0.1/30", "dev", "wgext_exit1");
        sh("ip", "-n", rtr, "link", "set", "p1", "up");
        sh("ip", "-n", rtr, "link", "set", "wgext_exit1", "up");
        sh("ip", "netns", "exec", rtr, "sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=1");
        sh("ip", "-n", exit, "addr", "add", "10.99.0.2/30", "dev", "e3");
        sh("ip", "-n", exit, "addr", "add", "192.0.2.1/32", "dev", "lo");
        sh("ip", "-n", exit, "link", "set", "e3", "up");
        sh("ip", "-n", exit, "route", "add", "10.8.0.0/24", "via", "10.99.0.1");
        dir = Files.createTempDirectory("bosun-marks-ns-");
        ctx = LocalHostContext.open(dir, false, dir.resolve("state.db"), "test");
    }

    @AfterEach
    void cleanup() throws IOException {
        if (ctx != null) {
            ctx.close();
        }
        if (netns != null) {
            netns.close();
        }
        if (dir != null) {
            try (Stream<Path> w = Files.walk(dir)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private boolean ping(String from) {
        return run(List.of("ip", "netns", "exec", peer, "ping", "-c", "1", "-W", "1", "-I", from, "192.0.2.1")).rc() == 0;
    }

    private long txPackets(String ns, String dev) {
        String json = sh("ip", "-n", ns, "-s", "-j", "link", "show", dev);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"tx\":\\{\"bytes\":\\d+,\"packets\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    @Test
    void applyStatusDriftReconcileRelease() {
        Target t = new Target(rtr);
        Connection exit1 = marks.allocate(ctx, new AllocateRequest(ConnectionType.WIREGUARD_EXT, "exit1", null, null, null));
        assertEquals("wgext_exit1", exit1.iface());
        marks.assign(ctx, "10.8.0.5", exit1.id());

        assertFalse(ping("10.8.0.5"), "before apply the router has no route for the peer's traffic");

        ApplyResult first = marks.apply(ctx, t);
        assertTrue(first.changed());
        assertTrue(first.waiting().isEmpty(), first.waiting().toString());
        String rules = sh("ip", "-n", rtr, "rule", "show");
        assertTrue(rules.contains("10000:\tfrom all fwmark 0x1000/0xfffff00f lookup main suppress_prefixlength 0"), rules);
        assertTrue(rules.contains("10001:\tfrom all fwmark 0x1000 lookup 1000"), rules);
        assertTrue(sh("ip", "-n", rtr, "route", "show", "table", "1000").contains("default dev wgext_exit1"));
        String nft = sh("ip", "netns", "exec", rtr, "nft", "list", "table", "inet", "bosun");
        assertTrue(nft.contains("10.8.0.5 : 0x00001000"), nft);
        assertEquals("1", sh("ip", "netns", "exec", rtr, "sysctl", "-n", "net.ipv4.conf.all.src_valid_mark").strip());
        assertTrue(marks.status(ctx, t).clean(), marks.status(ctx, t).toString());

        // Idempotent: the second apply only reads.
        ApplyResult again = marks.apply(ctx, t);
        assertFalse(again.changed());
        assertEquals(List.of(), again.commands());
        assertEquals(7, again.executed());

        // Traffic: the assigned peer leaves through wgext_exit1 (strict rp_filter on), the other does not. The
        // interface's own IPv6 chatter after link-up (MLD reports, DAD) would be counted too: this part is IPv4 only.
        sh("ip", "netns", "exec", rtr, "sysctl", "-qw", "net.ipv6.conf.wgext_exit1.disable_ipv6=1");
        long tx0 = txPackets(rtr, "wgext_exit1");
        assertTrue(ping("10.8.0.5"), "assigned peer must reach the exit");
        long tx1 = txPackets(rtr, "wgext_exit1");
        assertTrue(tx1 > tx0, "ping from the assigned peer must leave through wgext_exit1");
        assertFalse(ping("10.8.0.8"), "unassigned peer must not reach the exit");
        assertEquals(tx1, txPackets(rtr, "wgext_exit1"), "nothing from the unassigned peer may leave through wgext_exit1");

        // Drift by hand: a rule deleted, a rule added in Bosun's range, a foreign rule, a peer element, a route changed.
        sh("ip", "-n", rtr, "rule", "del", "priority", "10001");
        sh("ip", "-n", rtr, "rule", "add", "fwmark", "0x1fe0", "table", "1254", "priority", "10200");
        sh("ip", "-n", rtr, "rule", "add", "fwmark", "0x1000", "table", "1000", "priority", "20000");
        sh("ip", "netns", "exec", rtr, "nft", "add", "element", "inet", "bosun", "mark4", "{ 10.8.0.8 : 0x1000 }");
        sh("ip", "-n", rtr, "route", "replace", "default", "dev", "p1", "table", "1000");
        StatusResult drift = marks.status(ctx, t);
        assertFalse(drift.clean());
        assertEquals(List.of("ipv4 priority 10001"), drift.missing().stream().map(Drift::key).toList());
        assertEquals(List.of("ipv4 priority 10200", "nft mark4 10.8.0.8"),
                drift.unexpected().stream().map(d -> d.object().equals("nft") ? "nft " + d.key() : d.key()).toList());
        assertEquals(List.of("ipv4 table 1000 default"), drift.different().stream().map(Drift::key).toList());
        assertEquals("default dev p1 table 1000", drift.different().getFirst().actual());
        assertEquals(List.of("ipv4 rule 20000: from all fwmark 0x1000 lookup 1000"), drift.foreign());

        ReconcileResult rec = marks.reconcile(ctx, t);
        assertEquals(drift, rec.before());
        assertTrue(rec.after().clean(), rec.after().toString());
        assertEquals(drift.foreign(), rec.after().foreign());
        assertTrue(sh("ip", "-n", rtr, "rule", "show").contains("20000:\tfrom all fwmark 0x1000 lookup 1000"),
                "foreign rules are never deleted");
        assertTrue(ping("10.8.0.5"));
        assertFalse(ping("10.8.0.8"));

        // Release refuses while applied; forced, the next apply leaves no Bosun state behind.
        BosunException refused = assertThrows(BosunException.class, () -> marks.release(ctx, "exit1", null));
        assertEquals("connection exit1 is applied in netns " + rtr + "; releasing it would leave live rules on mark 0x1000: "
                + "pass force:true, then marks.apply to remove them", refused.getMessage());
        marks.release(ctx, "exit1", true);
        ApplyResult cleanup = marks.apply(ctx, t);
        assertTrue(cleanup.changed());
        for (String line : sh("ip", "-n", rtr, "rule", "show").split("\n")) {
            int prio = Integer.parseInt(line.substring(0, line.indexOf(':')));
            assertFalse(MarkPool.ownsPriority(prio), "left behind: " + line);
        }
        for (String fam : List.of("-4", "-6")) {
            String routes = sh("ip", "-n", rtr, fam, "route", "show", "table", "all");
            assertFalse(routes.matches("(?s).*table (1[01][0-9][0-9]|12[0-5][0-9]).*"), routes);
        }
        assertNotEquals(0, run(List.of("ip", "netns", "exec", rtr, "nft", "list", "table", "inet", "bosun")).rc());
        assertTrue(marks.status(ctx, t).clean());
        assertFalse(ping("10.8.0.5"));
        sh("ip", "-n", rtr, "rule", "del", "priority", "20000");
    }

    /**
     * Waits until no address in the namespaces is tentative: the links' link-local addresses go through
     * duplicate address detection (~2 s) after the links come up, and neighbour discovery needs them.
     */
    private static void awaitIpv6Ready(String... namespaces) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        for (String ns : namespaces) {
            while (!sh("ip", "-n", ns, "-6", "addr", "show", "tentative").isBlank()) {
                assertTrue(System.nanoTime() < deadline, "IPv6 addresses in " + ns + " still tentative after 15 s");
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private boolean ping6(String from) {
        return run(List.of("ip", "netns", "exec", peer, "ping", "-6", "-c", "1", "-W", "1", "-I", from, "2001:db8::1")).rc() == 0;
    }

    @Test
    void ipv6PeersLeaveThroughTheirConnection() {
        // The same topology in IPv6 (no DAD, so the addresses work at once). The exit holds 2001:db8::1 on its veth
        // rather than lo: a route through a device without a gateway resolves the destination with neighbour
        // discovery, which Linux answers only for addresses on the asking link (WireGuard, being layer 3, has none).
        sh("ip", "-n", peer, "addr", "add", "fd00:8::5/64", "dev", "p2", "nodad");
        sh("ip", "-n", peer, "addr", "add", "fd00:8::8/64", "dev", "p2", "nodad");
        sh("ip", "-n", peer, "-6", "route", "add", "default", "via", "fd00:8::1");
        sh("ip", "-n", rtr, "addr", "add", "fd00:8::1/64", "dev", "p1", "nodad");
        sh("ip", "-n", rtr, "addr", "add", "fd00:99::1/64", "dev", "wgext_exit1", "nodad");
        sh("ip", "netns", "exec", rtr, "sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
        sh("ip", "-n", exit, "addr", "add", "fd00:99::2/64", "dev", "e3", "nodad");
        sh("ip", "-n", exit, "addr", "add", "2001:db8::1/128", "dev", "e3", "nodad");
        sh("ip", "-n", exit, "-6", "route", "add", "fd00:8::/64", "via", "fd00:99::1");
        awaitIpv6Ready(peer, rtr, exit);
        Target t = new Target(rtr);
        Connection exit1 = marks.allocate(ctx, new AllocateRequest(ConnectionType.WIREGUARD_EXT, "exit1", null, null, null));
        marks.assign(ctx, "fd00:8::5", exit1.id());

        assertFalse(ping6("fd00:8::5"), "before apply the router has no IPv6 route for the peer's traffic");

        assertTrue(marks.apply(ctx, t).changed());
        assertTrue(sh("ip", "-n", rtr, "-6", "rule", "show").contains("10001:\tfrom all fwmark 0x1000 lookup 1000"));
        assertTrue(sh("ip", "-n", rtr, "-6", "route", "show", "table", "1000").contains("default dev wgext_exit1"));
        assertTrue(sh("ip", "netns", "exec", rtr, "nft", "list", "table", "inet", "bosun").contains("fd00:8::5 : 0x00001000"));
        assertTrue(marks.status(ctx, t).clean(), marks.status(ctx, t).toString());

        long tx0 = txPackets(rtr, "wgext_exit1");
        assertTrue(ping6("fd00:8::5"), "assigned IPv6 peer must reach the exit");
        long tx1 = txPackets(rtr, "wgext_exit1");
        assertTrue(tx1 > tx0, "ping from the assigned IPv6 peer must leave through wgext_exit1");
        assertFalse(ping6("fd00:8::8"), "unassigned IPv6 peer must not reach the exit");

        marks.release(ctx, "exit1", true);
        marks.apply(ctx, t);
        assertFalse(sh("ip", "-n", rtr, "-6", "rule", "show").contains("lookup 1000"));
        assertFalse(ping6("fd00:8::5"), "released: no route for the peer's traffic again");
    }

    /**
     * Prints "listening", then one line per connection: its first line and the peer's address; gives up after a
     * minute without a connection.
     */
    private static final String LISTENER = """
            import java.io.*;
            import java.net.*;
            public class Listener {
                public static void main(String[] a) throws Exception {
                    try (ServerSocket s = new ServerSocket()) {
                        s.bind(new InetSocketAddress("0.0.0.0", Integer.parseInt(a[0])));
                        s.setSoTimeout(60_000); // ends on its own should the test not stop it
                        System.out.println("listening");
                        while (true) {
                            try (Socket c = s.accept();
                                 BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream()))) {
                                System.out.println(r.readLine() + " from " + ((InetSocketAddress) c.getRemoteSocketAddress())
                                        .getAddress().getHostAddress());
                            }
                        }
                    }
                }
            }
            """;

    /** A TCP connection from the peer namespace (its primary address, 10.8.0.5) to 192.0.2.1:80 sending one line. */
    private int connectFromPeer(String line) {
        return run(List.of("ip", "netns", "exec", peer, "timeout", "3", "bash", "-c",
                "exec 3<>/dev/tcp/192.0.2.1/80 && echo " + line + " >&3")).rc();
    }

    @Test
    void aRedirectedPeersTcpReachesTheLocalPort() throws Exception {
        Target t = new Target(rtr);
        Connection px = marks.allocate(ctx, new AllocateRequest(ConnectionType.PROXY, "px", null, null, null));
        assertEquals(9100, px.redirectPort());
        marks.assign(ctx, "10.8.0.5", px.id());

        // The proxy's stand-in listens on the router on the connection's port for the whole test; the peer
        // connects to a remote address and port, and only while the redirect is applied does that arrive here.
        Path program = dir.resolve("Listener.java");
        Files.writeString(program, LISTENER);
        // ip netns exec execs java itself, so destroying the process ends the listener.
        Process listener = new ProcessBuilder("ip", "netns", "exec", rtr,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), program.toString(), "9100")
                .redirectErrorStream(true).start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(listener.getInputStream()))) {
            assertEquals("listening", out.readLine());
            assertNotEquals(0, connectFromPeer("early"), "before apply the router has no route to 192.0.2.1 for the peer");

            marks.apply(ctx, t);
            assertEquals(0, connectFromPeer("hello"));
            assertEquals("hello from 10.8.0.5", out.readLine(), "redirected to the local port, source address kept");

            marks.release(ctx, "px", true);
            marks.apply(ctx, t);
            assertNotEquals(0, connectFromPeer("late"), "released: no redirect for the peer any more");
        } finally {
            listener.destroyForcibly();
            listener.waitFor();
        }
    }

    /** The plan's lines from index {@code from} on, as -v prints them: kind and summary. */
    private static List<String> planLines(LocalHostContext c, int from) {
        return c.plan().since(from).stream().map(ch -> ch.kind() + " " + ch.summary()).toList();
    }

    @Test
    void dryRunPlanIsTheVerboseListOfTheRealRunAndRunsByHand() throws IOException {
        Connection c = marks.allocate(ctx, new AllocateRequest(ConnectionType.PROXY, "px", null, null, null));
        marks.assign(ctx, "10.8.0.8", c.id());
        marks.assign(ctx, "fd00::8", c.id());
        String rulesBefore = sh("ip", "-n", rtr, "rule", "show") + sh("ip", "-n", rtr, "-6", "rule", "show");
        List<String> dryPlan;
        try (LocalHostContext dry = LocalHostContext.open(dir, true, dir.resolve("state.db"), "test")) {
            int from = dry.plan().size();
            ApplyResult r = marks.apply(dry, new Target(rtr));
            dryPlan = planLines(dry, from);
            // The exact processes with their input, nothing else: no placeholder, no batch without its lines.
            assertEquals(List.of(
                    "exec ip netns exec " + rtr + " sysctl -w net.ipv4.conf.all.src_valid_mark=1",
                    "exec ip -n " + rtr + " -4 -batch - <<< $'rule add fwmark 0x1000/0xfffff00f table main "
                            + "suppress_prefixlength 0 priority 10000\\nrule add fwmark 0x1000 table 1000 priority 10001'",
                    "exec ip -n " + rtr + " -6 -batch - <<< $'rule add fwmark 0x1000/0xfffff00f table main "
                            + "suppress_prefixlength 0 priority 10000\\nrule add fwmark 0x1000 table 1000 priority 10001'",
                    "exec ip netns exec " + rtr + " nft -f - <<< " + RulesRenderTest.SKELETON.substring(0,
                            RulesRenderTest.SKELETON.length() - 1) + "\\n"
                            + "add element inet bosun mark4 { 10.8.0.8 : 0x1000 }\\n"
                            + "add element inet bosun mark6 { fd00::8 : 0x1000 }\\n"
                            + "add element inet bosun redir4 { 10.8.0.8 : 9100 }\\n"
                            + "add element inet bosun redir6 { fd00::8 : 9100 }'"), dryPlan);
            assertEquals(List.of(
                    "ip netns exec " + rtr + " sysctl -w net.ipv4.conf.all.src_valid_mark=1",
                    "ip -n " + rtr + " -4 rule add fwmark 0x1000/0xfffff00f table main suppress_prefixlength 0 priority 10000",
                    "ip -n " + rtr + " -4 rule add fwmark 0x1000 table 1000 priority 10001",
                    "ip -n " + rtr + " -6 rule add fwmark 0x1000/0xfffff00f table main suppress_prefixlength 0 priority 10000",
                    "ip -n " + rtr + " -6 rule add fwmark 0x1000 table 1000 priority 10001",
                    "ip netns exec " + rtr + " nft -f - <<< " + RulesRenderTest.SKELETON,
                    "ip netns exec " + rtr + " nft -f - <<< 'add element inet bosun mark4 { 10.8.0.8 : 0x1000 }'",
                    "ip netns exec " + rtr + " nft -f - <<< 'add element inet bosun mark6 { fd00::8 : 0x1000 }'",
                    "ip netns exec " + rtr + " nft -f - <<< 'add element inet bosun redir4 { 10.8.0.8 : 9100 }'",
                    "ip netns exec " + rtr + " nft -f - <<< 'add element inet bosun redir6 { fd00::8 : 9100 }'"), r.commands());
            // Planned is not run: the 7 reads ran, the 4 changing processes did not.
            assertTrue(r.changed());
            assertEquals(4, r.planned());
            assertEquals(7, r.executed());
        }
        assertEquals(rulesBefore, sh("ip", "-n", rtr, "rule", "show") + sh("ip", "-n", rtr, "-6", "rule", "show"));
        assertNotEquals(0, run(List.of("ip", "netns", "exec", rtr, "nft", "list", "table", "inet", "bosun")).rc());

        // Now for real: the -v list (the changes recorded as they run) is the dry-run plan, line for line.
        int from = ctx.plan().size();
        ApplyResult real = marks.apply(ctx, new Target(rtr));
        assertEquals(dryPlan, planLines(ctx, from));
        assertEquals(4, real.planned());
        assertEquals(11, real.executed());
        assertTrue(sh("ip", "-n", rtr, "-6", "rule", "show").contains("10001:\tfrom all fwmark 0x1000 lookup 1000"));
        assertTrue(marks.status(ctx, new Target(rtr)).clean(), marks.status(ctx, new Target(rtr)).toString());
        int again = ctx.plan().size();
        ApplyResult noop = marks.apply(ctx, new Target(rtr));
        assertFalse(noop.changed());
        assertEquals(0, noop.planned());
        assertEquals(List.of(), planLines(ctx, again), "a converged namespace plans nothing");

        // The plan is runnable as printed: a dry-run for an empty twin namespace, its lines run by bash, converges.
        String twin = netns.add("twin");
        List<String> twinPlan;
        try (LocalHostContext dry = LocalHostContext.open(dir, true, dir.resolve("state.db"), "test")) {
            int f = dry.plan().size();
            marks.apply(dry, new Target(twin));
            twinPlan = dry.plan().since(f).stream().map(Change::summary).toList();
        }
        for (String line : twinPlan) {
            ScratchNetns.Result ran = run(List.of("bash", "-c", line));
            assertEquals(0, ran.rc(), line + ": " + ran.err());
        }
        assertTrue(marks.status(ctx, new Target(twin)).clean(), marks.status(ctx, new Target(twin)).toString());
    }
}
