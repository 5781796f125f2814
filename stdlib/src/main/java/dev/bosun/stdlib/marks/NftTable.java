package dev.bosun.stdlib.marks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bosun's one nftables table, {@code inet bosun}. Its shape never changes: four maps from peer
 * address to mark or redirect port and five rules that look peers up in them. Peers and connections
 * only change map elements, so an apply with 2,000 peers is one {@code nft -f -} batch and a peer
 * change is one element, not a rule rewrite.
 */
final class NftTable {
    static final String FAMILY = "inet";
    static final String NAME = "bosun";
    static final String TABLE = FAMILY + " " + NAME;

    /** A map: name, key type, value type. */
    record MapSpec(String name, String keyType, String valueType) {
        String declaration() {
            return "map " + name + " { type " + keyType + " : " + valueType + "; flags interval; }";
        }
    }

    /** A base chain. */
    record ChainSpec(String name, String type, String hook, int prio, String priorityName) {
        String declaration(List<RuleSpec> rules) {
            StringBuilder sb = new StringBuilder("  chain " + name + " {\n    type " + type + " hook " + hook + " priority "
                    + priorityName + "; policy accept;\n");
            for (RuleSpec r : rules) {
                if (r.chain.equals(name)) {
                    sb.append("    ").append(r.text).append(" comment \"").append(r.comment).append("\"\n");
                }
            }
            return sb.append("  }\n").toString();
        }
    }

    /**
     * A rule, identified by its comment; {@code exprJson} is how {@code nft -j} lists it (libnftables
     * JSON schema 1), used to tell an edited rule from ours.
     */
    record RuleSpec(String chain, String comment, String text, String exprJson) {
    }

    static final List<MapSpec> MAPS = List.of(
            new MapSpec("mark4", "ipv4_addr", "mark"),
            new MapSpec("mark6", "ipv6_addr", "mark"),
            new MapSpec("redir4", "ipv4_addr", "inet_service"),
            new MapSpec("redir6", "ipv6_addr", "inet_service"));

    static final List<ChainSpec> CHAINS = List.of(
            new ChainSpec("peer_mark", "filter", "prerouting", -150, "mangle"),
            new ChainSpec("peer_redirect", "nat", "prerouting", -100, "dstnat"));

    private static final String MARK_KEY = "{\"meta\":{\"key\":\"mark\"}}";
    private static final String CT_MARK = "{\"ct\":{\"key\":\"mark\"}}";

    static final List<RuleSpec> RULES = List.of(
            // Replies and later packets of a marked flow carry the mark again (connmark), so the
            // strict reverse-path check with src_valid_mark=1 looks them up in the connection's table.
            new RuleSpec("peer_mark", "bosun restore",
                    "ct mark " + MarkPool.hex(MarkPool.MARK_BASE) + "-" + MarkPool.hex(MarkPool.MARK_LAST) + " meta mark set ct mark",
                    "[{\"match\":{\"op\":\"==\",\"left\":" + CT_MARK + ",\"right\":{\"range\":[" + MarkPool.MARK_BASE + ","
                            + MarkPool.MARK_LAST + "]}}},{\"mangle\":{\"key\":" + MARK_KEY + ",\"value\":" + CT_MARK + "}}]"),
            markRule(4), markRule(6), redirectRule(4), redirectRule(6));

    private static RuleSpec markRule(int family) {
        String proto = family == 4 ? "ip" : "ip6";
        return new RuleSpec("peer_mark", "bosun mark" + family,
                "meta mark set " + proto + " saddr map @mark" + family + " ct mark set meta mark",
                "[{\"mangle\":{\"key\":" + MARK_KEY + ",\"value\":{\"map\":{\"key\":{\"payload\":{\"protocol\":\"" + proto
                        + "\",\"field\":\"saddr\"}},\"data\":\"@mark" + family + "\"}}}},{\"mangle\":{\"key\":" + CT_MARK
                        + ",\"value\":" + MARK_KEY + "}}]");
    }

    private static RuleSpec redirectRule(int family) {
        String proto = family == 4 ? "ip" : "ip6";
        return new RuleSpec("peer_redirect", "bosun redirect" + family,
                "meta l4proto tcp redirect to :" + proto + " saddr map @redir" + family,
                "[{\"match\":{\"op\":\"==\",\"left\":{\"meta\":{\"key\":\"l4proto\"}},\"right\":\"tcp\"}},"
                        + "{\"match\":{\"op\":\"==\",\"left\":{\"meta\":{\"key\":\"nfproto\"}},\"right\":\"ipv" + family + "\"}},"
                        + "{\"redirect\":{\"port\":{\"map\":{\"key\":{\"payload\":{\"protocol\":\"" + proto
                        + "\",\"field\":\"saddr\"}},\"data\":\"@redir" + family + "\"}}}}]");
    }

    /** Map name → element key (canonical peer) → value (mark or port). */
    private final Map<String, Map<String, Long>> elements;

    NftTable(Map<String, Map<String, Long>> elements) {
        Map<String, Map<String, Long>> m = new LinkedHashMap<>();
        for (MapSpec spec : MAPS) {
            m.put(spec.name(), java.util.Collections.unmodifiableMap(new TreeMap<>(elements.getOrDefault(spec.name(), Map.of()))));
        }
        this.elements = m;
    }

    /** The elements wanted from the connections' peers. */
    static NftTable of(List<Connection> connections) {
        Map<String, Map<String, Long>> m = new LinkedHashMap<>();
        for (Connection c : connections) {
            for (String p : c.peers()) {
                int family = p.contains(":") ? 6 : 4;
                m.computeIfAbsent("mark" + family, k -> new TreeMap<>()).put(p, c.markValue());
                if (c.redirectPort() != null) {
                    m.computeIfAbsent("redir" + family, k -> new TreeMap<>()).put(p, (long) c.redirectPort());
                }
            }
        }
        return new NftTable(m);
    }

    Map<String, Map<String, Long>> elements() {
        return elements;
    }

    /** The whole table, as {@code nft -f} reads it: the {@link #skeleton()}, then its elements. */
    String script() {
        return String.join("", statements());
    }

    /** {@link #script()} in its statements: the skeleton, then one element list per map that has elements. */
    List<String> statements() {
        List<String> out = new java.util.ArrayList<>();
        out.add(skeleton());
        for (MapSpec m : MAPS) {
            Map<String, Long> els = elements.get(m.name());
            if (!els.isEmpty()) {
                out.add(addElements(m.name(), els));
            }
        }
        return out;
    }

    /** The table with its maps, chains and rules and no elements: the part that never changes. */
    static String skeleton() {
        StringBuilder sb = new StringBuilder("table " + TABLE + " {\n");
        for (MapSpec m : MAPS) {
            sb.append("  ").append(m.declaration()).append('\n');
        }
        for (ChainSpec c : CHAINS) {
            sb.append(c.declaration(RULES));
        }
        return sb.append("}\n").toString();
    }

    /** Replaces whatever is there, in one transaction: the first line makes the delete safe when it is absent. */
    String replaceScript() {
        return "table " + TABLE + "\ndelete table " + TABLE + "\n" + script();
    }

    static String deleteScript() {
        return "table " + TABLE + "\ndelete table " + TABLE + "\n";
    }

    static String addElements(String map, Map<String, Long> els) {
        StringBuilder sb = new StringBuilder("add element " + TABLE + " " + map + " { ");
        boolean first = true;
        for (Map.Entry<String, Long> e : els.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append(" : ").append(value(map, e.getValue()));
            first = false;
        }
        return sb.append(" }\n").toString();
    }

    static String deleteElements(String map, Iterable<String> keys) {
        return "delete element " + TABLE + " " + map + " { " + String.join(", ", keys) + " }\n";
    }

    /** Marks in hex as people write them, ports in decimal. */
    static String value(String map, long v) {
        return map.startsWith("mark") ? MarkPool.hex(v) : Long.toString(v);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode expr(RuleSpec r) {
        try {
            return JSON.readTree(r.exprJson());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("bad built-in rule JSON for " + r.comment(), e);
        }
    }
}
