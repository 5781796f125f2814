package dev.bosun.stdlib.marks;

import dev.bosun.api.BosunException;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkAllocationTest {
    private Path dir;
    private LocalHostContext ctx;
    private MutableClock clock;
    private MarkStore store;
    private final MarksModule marks = new MarksModule();

    @BeforeEach
    void open() throws IOException {
        dir = Files.createTempDirectory("bosun-marks-");
        ctx = LocalHostContext.open(dir, false, dir.resolve("state.db"), "test");
        clock = new MutableClock();
        store = new MarkStore(ctx.state(), clock);
    }

    @AfterEach
    void close() throws IOException {
        ctx.close();
        try (Stream<Path> w = Files.walk(dir)) {
            w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Connection alloc(ConnectionType type, String name) {
        return store.allocate(new AllocateRequest(type, name, null, null, null)).connection();
    }

    @Test
    void recordsCarryPairedMarkTableAndTypeSpecificValues() {
        Connection wg = alloc(ConnectionType.WIREGUARD_EXT, "exit1");
        Connection tor = alloc(ConnectionType.TOR, "tor1");
        Connection relay = alloc(ConnectionType.CELL_RELAY, "relay1");
        assertEquals("0x1000", wg.mark());
        assertEquals(1000, wg.table());
        assertEquals(10001, wg.priority());
        assertEquals("wgext_exit1", wg.iface());
        assertNull(wg.redirectPort());
        assertEquals("0x1010", tor.mark());
        assertEquals(1001, tor.table());
        assertEquals(9100, tor.redirectPort());
        assertNull(tor.iface());
        assertNull(relay.iface());
        assertNull(relay.redirectPort());
        assertEquals(36, wg.id().length());
        assertEquals(List.of(wg, tor, relay), store.list());
        assertEquals(tor, store.find("tor1"));
        assertEquals(tor, store.find(tor.id()));
    }

    @Test
    void markTablePoolExhaustionNamesThePool() {
        for (int i = 0; i < MarkPool.SLOTS; i++) {
            alloc(ConnectionType.CELL_RELAY, "r" + i);
        }
        assertEquals("0x1ff0", store.find("r255").mark());
        assertEquals(1255, store.find("r255").table());
        BosunException e = assertThrows(BosunException.class, () -> alloc(ConnectionType.CELL_RELAY, "one-more"));
        assertEquals("the mark/table pool (marks 0x1000–0x1ff0, tables 1000–1255) is exhausted: 256 in use; "
                + "release a connection first", e.getMessage());
        assertEquals(256, store.list().size());
    }

    @Test
    void redirectPortPoolExhaustionNamesThePool() {
        for (int i = 0; i < 100; i++) {
            alloc(ConnectionType.PROXY, "p" + i);
        }
        assertEquals(9199, store.find("p99").redirectPort());
        BosunException e = assertThrows(BosunException.class, () -> alloc(ConnectionType.SSHUTTLE, "one-more"));
        assertEquals("the redirect port pool (9100–9199) is exhausted: 100 in use; release a connection first", e.getMessage());
        // Types without a port still get a mark: only the port pool is exhausted.
        assertEquals("0x1640", alloc(ConnectionType.CELL_RELAY, "relay").mark());
    }

    @Test
    void releasedValuesAreQuarantinedThenReusedOldestFirst() {
        Connection a = alloc(ConnectionType.PROXY, "a");
        Connection b = alloc(ConnectionType.PROXY, "b");
        store.release("a", false);
        // Never-used values come before a just-released one, even though a's are lower.
        Connection c = alloc(ConnectionType.PROXY, "c");
        assertEquals("0x1020", c.mark());
        assertEquals(9102, c.redirectPort());
        // Fill the rest of the slot pool, then the only free slot is a's, still in quarantine.
        for (int i = 3; i < MarkPool.SLOTS; i++) {
            alloc(ConnectionType.CELL_RELAY, "r" + i);
        }
        BosunException e = assertThrows(BosunException.class, () -> alloc(ConnectionType.CELL_RELAY, "x"));
        assertEquals("the mark/table pool (marks 0x1000–0x1ff0, tables 1000–1255) is exhausted: 255 in use, 1 released "
                + "less than 10 minutes ago (quarantined; the first is free again at 2026-01-01T00:10:00Z)", e.getMessage());
        clock.advance(Duration.ofMinutes(5));
        store.release(b.id(), false);
        clock.advance(Duration.ofMinutes(6));
        // a's slot has served its quarantine, b's has not.
        assertEquals(a.mark(), alloc(ConnectionType.CELL_RELAY, "x").mark());
        assertThrows(BosunException.class, () -> alloc(ConnectionType.CELL_RELAY, "y"));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(b.mark(), alloc(ConnectionType.CELL_RELAY, "y").mark());
    }

    @Test
    void leastRecentlyReleasedComesBackFirst() {
        for (int i = 0; i < MarkPool.SLOTS; i++) {
            alloc(ConnectionType.CELL_RELAY, "r" + i);
        }
        store.release("r7", false);
        clock.advance(Duration.ofMinutes(1));
        store.release("r3", false);
        clock.advance(Duration.ofMinutes(30));
        assertEquals(MarkPool.hex(MarkPool.mark(7)), alloc(ConnectionType.CELL_RELAY, "n1").mark());
        assertEquals(MarkPool.hex(MarkPool.mark(3)), alloc(ConnectionType.CELL_RELAY, "n2").mark());
    }

    @Test
    void pinnedValuesAreCheckedAgainstPoolsUseAndQuarantine() {
        Connection p = store.allocate(new AllocateRequest(ConnectionType.PROXY, "p", "0x1100", null, 9150)).connection();
        assertEquals("0x1100", p.mark());
        assertEquals(1016, p.table());
        assertEquals(9150, p.redirectPort());
        assertEquals("0x1110", store.allocate(new AllocateRequest(ConnectionType.CELL_RELAY, "t", null, 1017, null)).connection().mark());
        InvalidValueException used = assertThrows(InvalidValueException.class,
                () -> store.allocate(new AllocateRequest(ConnectionType.CELL_RELAY, "q", null, 1016, null)));
        assertEquals("mark 0x1100 (table 1016) is already used by connection p", used.getMessage());
        InvalidValueException port = assertThrows(InvalidValueException.class,
                () -> store.allocate(new AllocateRequest(ConnectionType.TOR, "q", null, null, 9150)));
        assertEquals("redirectPort 9150 is already used by connection p", port.getMessage());
        store.release("p", false);
        InvalidValueException q = assertThrows(InvalidValueException.class,
                () -> store.allocate(new AllocateRequest(ConnectionType.CELL_RELAY, "q", "0x1100", null, null)));
        assertEquals("mark 0x1100 (table 1016) was released at 2026-01-01T00:00:00Z and is quarantined until "
                + "2026-01-01T00:10:00Z so that stale rules cannot capture new traffic", q.getMessage());
    }

    @Test
    void badAllocationInputIsRefusedWithTheRuleAndChangesNothing() {
        alloc(ConnectionType.TOR, "taken");
        List<Connection> before = store.list();
        assertMessage("mark \"0x2000\" must be in the mark pool 0x1000–0x1ff0 in steps of 0x10",
                () -> new AllocateRequest(ConnectionType.TOR, "n", "0x2000", null, null));
        assertMessage("mark \"0x1008\" must be in the mark pool 0x1000–0x1ff0 in steps of 0x10",
                () -> new AllocateRequest(ConnectionType.TOR, "n", "0x1008", null, null));
        assertMessage("mark \"0xfff\" must be in the mark pool 0x1000–0x1ff0 in steps of 0x10",
                () -> new AllocateRequest(ConnectionType.TOR, "n", "0xfff", null, null));
        assertMessage("mark \"ten\" must be a number such as 0x1010",
                () -> new AllocateRequest(ConnectionType.TOR, "n", "ten", null, null));
        assertMessage("table 999 must be in the table pool 1000–1255",
                () -> new AllocateRequest(ConnectionType.TOR, "n", null, 999, null));
        assertMessage("table 1256 must be in the table pool 1000–1255",
                () -> new AllocateRequest(ConnectionType.TOR, "n", null, 1256, null));
        assertMessage("table 1002 does not pair with mark 0x1000 (marks and tables are paired: mark 0x1000 uses table 1000); give one of them",
                () -> new AllocateRequest(ConnectionType.TOR, "n", "0x1000", 1002, null));
        assertMessage("redirectPort 9200 must be in the redirect port pool 9100–9199",
                () -> new AllocateRequest(ConnectionType.TOR, "n", null, null, 9200));
        assertMessage("redirectPort is only for tor, sshuttle and proxy, not wireguard_ext",
                () -> new AllocateRequest(ConnectionType.WIREGUARD_EXT, "n", null, null, 9100));
        assertMessage("name \"Exit/1\" must match [a-z0-9][a-z0-9_-]{0,31}",
                () -> new AllocateRequest(ConnectionType.TOR, "Exit/1", null, null, null));
        assertMessage("type \"vpn\" must be one of wireguard_ext, openvpn, tor, sshuttle, proxy, cell_relay",
                () -> ConnectionType.parse("type", "vpn"));
        assertMessage("name \"taken\" is already used by connection " + before.getFirst().id() + " (tor, mark 0x1000, "
                + "port 9100); release it first or choose another name", () -> alloc(ConnectionType.PROXY, "taken"));
        assertMessage("name \"taken\" is already used by connection " + before.getFirst().id() + " (tor, mark 0x1000, "
                + "port 9100); release it first or choose another name",
                () -> store.allocate(new AllocateRequest(ConnectionType.TOR, "taken", "0x1010", null, null)));
        assertEquals(before, store.list());
    }

    @Test
    void theSameRequestAgainIsTheSameConnectionUnchanged() {
        MarkStore.Allocated first = store.allocate(new AllocateRequest(ConnectionType.PROXY, "px", null, null, 9150));
        assertTrue(first.created());
        List<Connection> before = store.list();
        MarkStore.Allocated again = store.allocate(new AllocateRequest(ConnectionType.PROXY, "px", null, null, 9150));
        assertFalse(again.created());
        assertEquals(first.connection(), again.connection());
        MarkStore.Allocated unpinned = store.allocate(new AllocateRequest(ConnectionType.PROXY, "px", null, null, null));
        assertFalse(unpinned.created(), "no pin asks for whatever was allocated");
        assertEquals(before, store.list());
    }

    @Test
    void interfaceNamesFitTheKernelLimit() {
        assertEquals("wgext_123456789", alloc(ConnectionType.WIREGUARD_EXT, "123456789").iface());
        assertEquals("ovpn_abcdefghij", alloc(ConnectionType.OPENVPN, "abcdefghij").iface());
        Connection longWg = alloc(ConnectionType.WIREGUARD_EXT, "1234567890");
        assertEquals("wgext_123456702", longWg.iface());
        Connection longer = alloc(ConnectionType.WIREGUARD_EXT, "12345678901234567890");
        assertEquals("wgext_123456703", longer.iface());
        for (Connection c : store.list()) {
            if (c.iface() != null) {
                assertTrue(c.iface().length() <= MarkPool.IFNAME_MAX, c.iface());
                assertTrue(c.iface().matches("[a-z0-9_-]+"), c.iface());
            }
        }
        // A plain name equal to an earlier cut-short interface is refused, not silently renamed.
        assertMessage("name \"123456702\" would get interface wgext_123456702, already used by connection 1234567890; choose another name",
                () -> alloc(ConnectionType.WIREGUARD_EXT, "123456702"));
    }

    @Test
    void peersAreNormalisedAndOneConnectionEach() {
        alloc(ConnectionType.WIREGUARD_EXT, "a");
        alloc(ConnectionType.TOR, "b");
        assertEquals("10.9.0.2", marks.assign(ctx, "10.9.0.2/32", "a").peer());
        assertFalse(marks.assign(ctx, "10.9.0.2", "a").changed());
        assertEquals("fd00::2", store.assign(PeerAddress.parse("peer", "FD00:0:0::2"), "a").peer());
        assertEquals("10.8.0.0/24", store.assign(PeerAddress.parse("peer", "10.8.0.0/24"), "b").peer());
        assertEquals("2001:db8::/48", PeerAddress.parse("peer", "2001:DB8:0::/48").text());
        assertEquals(List.of("10.9.0.2", "fd00::2"), store.find("a").peers());
        List<Connection> before = store.list();
        assertMessage("peer \"10.9.0.2\" is already assigned to connection a; unassign it first (one connection per peer)",
                () -> store.assign(PeerAddress.parse("peer", "10.9.0.2"), "b"));
        assertMessage("peer \"10.8.0.7\" overlaps 10.8.0.0/24, already assigned to connection b; unassign it first (one connection per peer)",
                () -> store.assign(PeerAddress.parse("peer", "10.8.0.7"), "a"));
        assertMessage("peer \"10.8.0.0/16\" overlaps 10.8.0.0/24, already assigned to connection b; unassign it first (one connection per peer)",
                () -> store.assign(PeerAddress.parse("peer", "10.8.0.0/16"), "a"));
        assertEquals(before, store.list());
        assertTrue(marks.unassign(ctx, "10.9.0.2").changed());
        assertFalse(marks.unassign(ctx, "10.9.0.2").changed());
        assertEquals("b", store.assign(PeerAddress.parse("peer", "10.9.0.2"), "b").connectionName());
    }

    @Test
    void malformedPeersAreRefused() {
        String rule = " must be an IPv4 or IPv6 address or CIDR, e.g. 10.9.0.2 or fd00::/64";
        for (String bad : List.of("10.9.0", "10.9.0.256", "010.9.0.2", "10.9.0.2/", "10.9.0.2/x", "example.com", "beef",
                "fd00::g", "1:2:3:4:5:6:7:8:9", "10.9.0.2 ", "::ffff:10.0.0.1")) {
            if (bad.equals("10.9.0.2 ")) {
                continue; // surrounding space is stripped: covered below
            }
            assertMessage("peer \"" + bad + "\"" + rule, () -> PeerAddress.parse("peer", bad));
        }
        assertEquals("10.9.0.2", PeerAddress.parse("peer", " 10.9.0.2 ").text());
        assertMessage("peer \"10.9.0.2/33\" has prefix length 33, more than 32", () -> PeerAddress.parse("peer", "10.9.0.2/33"));
        assertMessage("peer \"10.9.0.1/24\" has host bits set below /24; use the network address 10.9.0.0/24",
                () -> PeerAddress.parse("peer", "10.9.0.1/24"));
        assertMessage("peer \"fd00::1/64\" has host bits set below /64; use the network address fd00::/64",
                () -> PeerAddress.parse("peer", "fd00::1/64"));
        assertMessage("peer must not be empty", () -> PeerAddress.parse("peer", " "));
        alloc(ConnectionType.TOR, "t");
        assertMessage("peer \"10.9.0\"" + rule, () -> marks.assign(ctx, "10.9.0", "t"));
        assertMessage("no connection with id or name \"nope\"; see marks.list()", () -> marks.assign(ctx, "10.9.0.9", "nope"));
        assertTrue(store.find("t").peers().isEmpty());
    }

    @Test
    void releaseRefusesWhileAppliedUnlessForced() {
        Connection a = alloc(ConnectionType.WIREGUARD_EXT, "a");
        store.assign(PeerAddress.parse("peer", "10.9.0.2"), "a");
        store.markApplied("t1", Set.of(a.id()));
        assertMessage("connection a is applied in netns t1; releasing it would leave live rules on mark 0x1000: "
                + "pass force:true, then marks.apply to remove them", () -> store.release("a", false));
        assertEquals(1, store.list().size());
        ReleaseResult r = store.release("a", true);
        assertEquals(List.of("10.9.0.2"), r.unassignedPeers());
        assertEquals(List.of("t1"), r.wasAppliedIn());
        assertTrue(store.list().isEmpty());
        // The peer is free again.
        alloc(ConnectionType.TOR, "b");
        assertTrue(store.assign(PeerAddress.parse("peer", "10.9.0.2"), "b").changed());
    }

    @Test
    void concurrentProcessesNeverGetTheSameValue() throws Exception {
        concurrentAllocations("one");
    }

    @Test
    void concurrentBatchesNeverGetTheSameValue() throws Exception {
        concurrentAllocations("all");
    }

    /** Four JVMs allocate 25 connections each on one database, one call each or one batch each. */
    private void concurrentAllocations(String mode) throws Exception {
        Path db = dir.resolve("shared.db");
        List<Process> procs = new ArrayList<>();
        int per = 25;
        for (int p = 0; p < 4; p++) {
            procs.add(allocateMain(db, "proc" + p, per, mode, dir.resolve("proc" + p + ".log")));
        }
        for (int p = 0; p < procs.size(); p++) {
            assertTrue(procs.get(p).waitFor(120, TimeUnit.SECONDS), "process " + p + " did not finish");
            assertEquals(0, procs.get(p).exitValue(), Files.readString(dir.resolve("proc" + p + ".log")));
        }
        try (LocalHostContext shared = LocalHostContext.open(dir, false, db, "test")) {
            List<Connection> all = new MarksModule().list(shared);
            assertEquals(4 * per, all.size());
            Set<String> markSet = new HashSet<>();
            Set<Integer> tables = new HashSet<>();
            Set<Integer> ports = new HashSet<>();
            for (Connection c : all) {
                markSet.add(c.mark());
                tables.add(c.table());
                ports.add(c.redirectPort());
            }
            assertEquals(4 * per, markSet.size());
            assertEquals(4 * per, tables.size());
            assertEquals(4 * per, ports.size());
            assertTrue(ports.stream().allMatch(p -> p >= 9100 && p <= 9199));
        }
    }

    private static Process allocateMain(Path db, String prefix, int count, String mode, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AllocateMain.class.getName(),
                db.toString(), prefix, Integer.toString(count), mode)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void allocateAllIsOneCallAllOrNothing() {
        List<Connection> made = marks.allocateAll(ctx, List.of(
                new AllocateRequest(ConnectionType.WIREGUARD_EXT, "w1", null, null, null),
                new AllocateRequest(ConnectionType.TOR, "t1", null, null, null),
                new AllocateRequest(ConnectionType.CELL_RELAY, "c1", "0x1100", null, null),
                new AllocateRequest(ConnectionType.TOR, "t1", null, null, null)));
        assertEquals(List.of("w1", "t1", "c1", "t1"), made.stream().map(Connection::name).toList());
        assertEquals(List.of("0x1000", "0x1010", "0x1100", "0x1010"), made.stream().map(Connection::mark).toList());
        assertEquals("wgext_w1", made.get(0).iface());
        assertEquals(9100, made.get(1).redirectPort());
        assertEquals(made.get(1), made.get(3), "a name given twice is one connection");
        assertEquals(3, ctx.plan().changes().stream().filter(c -> c.summary().startsWith("allocate ")).count());
        assertEquals(store.list(), marks.allocateAll(ctx, List.of(
                new AllocateRequest(ConnectionType.WIREGUARD_EXT, "w1", null, null, null),
                new AllocateRequest(ConnectionType.TOR, "t1", null, null, null),
                new AllocateRequest(ConnectionType.CELL_RELAY, "c1", null, null, null))), "the same inventory again");
        assertEquals(3, ctx.plan().changes().stream().filter(c -> c.summary().startsWith("allocate ")).count(),
                "the same inventory again plans nothing");

        // One bad request fails the whole call: the connections before it are not left behind.
        List<Connection> before = store.list();
        assertMessage("mark 0x1100 (table 1016) is already used by connection c1", () -> marks.allocateAll(ctx, List.of(
                new AllocateRequest(ConnectionType.PROXY, "p1", null, null, null),
                new AllocateRequest(ConnectionType.PROXY, "p2", "0x1100", null, null))));
        assertMessage("name \"t1\" is already used by connection " + made.get(1).id() + " (tor, mark 0x1010, port 9100); "
                + "release it first or choose another name", () -> marks.allocateAll(ctx, List.of(
                new AllocateRequest(ConnectionType.PROXY, "p1", null, null, null),
                new AllocateRequest(ConnectionType.PROXY, "t1", null, null, null))));
        assertEquals(before, store.list());
        assertEquals(List.of(), marks.allocateAll(ctx, List.of()));
        // Values handed out earlier in the same call are taken: 256 slots, then the pool is exhausted.
        List<AllocateRequest> many = new ArrayList<>();
        for (int i = 0; i < 253; i++) {
            many.add(new AllocateRequest(ConnectionType.CELL_RELAY, "r" + i, null, null, null));
        }
        assertEquals(253, new HashSet<>(marks.allocateAll(ctx, many).stream().map(Connection::mark).toList()).size());
        assertEquals(256, store.list().size());
        assertThrows(BosunException.class, () -> marks.allocateAll(ctx, List.of(
                new AllocateRequest(ConnectionType.CELL_RELAY, "one-too-many", null, null, null))));
    }

    @Test
    void assignAllIsOneCallAllOrNothing() {
        alloc(ConnectionType.WIREGUARD_EXT, "a");
        alloc(ConnectionType.TOR, "b");
        List<PeerAssignment> done = marks.assignAll(ctx, List.of(new PeerRequest("10.9.0.2/32", "a"),
                new PeerRequest("10.8.0.0/24", "b"), new PeerRequest("FD00::2", "a"), new PeerRequest("10.9.0.2", "a")));
        assertEquals(List.of("10.9.0.2", "10.8.0.0/24", "fd00::2", "10.9.0.2"), done.stream().map(PeerAssignment::peer).toList());
        assertEquals(List.of(true, true, true, false), done.stream().map(PeerAssignment::changed).toList());
        assertEquals(List.of("10.9.0.2", "fd00::2"), store.find("a").peers());
        List<Connection> before = store.list();
        // Against what was assigned before, and against what came earlier in the same call.
        assertMessage("peer \"10.8.0.7\" overlaps 10.8.0.0/24, already assigned to connection b; unassign it first "
                + "(one connection per peer)", () -> marks.assignAll(ctx, List.of(new PeerRequest("10.7.0.1", "a"),
                new PeerRequest("10.8.0.7", "a"))));
        assertMessage("peer \"10.6.0.0/16\" overlaps 10.6.3.4, already assigned to connection a; unassign it first "
                + "(one connection per peer)", () -> marks.assignAll(ctx, List.of(new PeerRequest("10.6.3.4", "a"),
                new PeerRequest("10.6.0.0/16", "b"))));
        assertMessage("peer \"fd00::2\" is already assigned to connection a; unassign it first (one connection per peer)",
                () -> marks.assignAll(ctx, List.of(new PeerRequest("fd00::3", "b"), new PeerRequest("fd00::2", "b"))));
        assertMessage("no connection with id or name \"nope\"; see marks.list()",
                () -> marks.assignAll(ctx, List.of(new PeerRequest("10.5.0.1", "a"), new PeerRequest("10.5.0.2", "nope"))));
        assertMessage("peer \"10.5.0.256\" must be an IPv4 or IPv6 address or CIDR, e.g. 10.9.0.2 or fd00::/64",
                () -> new PeerRequest("10.5.0.256", "a"));
        assertEquals(before, store.list());
        assertEquals(List.of(), marks.assignAll(ctx, List.of()));
    }

    @Test
    void aKilledBatchLeavesAllOrNothing() throws Exception {
        // kill -9 at a random moment while one assignAll call writes 20,000 peers: the next reader finds the
        // connection with all of them or with none, never a part (one transaction per call).
        Path db = dir.resolve("killed.db");
        Path log = dir.resolve("killed.log");
        Process p = allocateMain(db, "victim", 20_000, "peers", log);
        try {
            for (int i = 0; i < 2000 && !Files.readString(log).contains("assigning"); i++) {
                assertTrue(p.isAlive() || Files.readString(log).contains("assigning"), Files.readString(log));
                Thread.sleep(10);
            }
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 400));
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        try (LocalHostContext after = LocalHostContext.open(dir, false, db, "test")) {
            List<Connection> all = new MarksModule().list(after);
            assertEquals(List.of("victim"), all.stream().map(Connection::name).toList(), Files.readString(log));
            int peers = all.getFirst().peers().size();
            assertTrue(peers == 0 || peers == 20_000, peers + " peers after the kill");
        }
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        BosunException e = assertThrows(BosunException.class, call);
        assertEquals(expected, e.getMessage());
    }
}
