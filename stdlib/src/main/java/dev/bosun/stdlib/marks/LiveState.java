package dev.bosun.stdlib.marks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.api.BosunException;
import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the kernel has in one network namespace, read with the tools' JSON output: every ip rule
 * (both families), the routes of Bosun's tables, the link names, the {@code inet bosun} table and
 * the {@code src_valid_mark} sysctl.
 *
 * @param rules    all rules, any priority
 * @param routes   routes in tables 1000–1255
 * @param links    interface names present
 * @param nft      the table, or null when it does not exist
 * @param srcValidMark value of net.ipv4.conf.all.src_valid_mark
 * @param commands how many commands were run to read it
 */
record LiveState(List<IpRule> rules, List<IpRoute> routes, Set<String> links, Nft nft, String srcValidMark, int commands) {
    static final String SRC_VALID_MARK = "net.ipv4.conf.all.src_valid_mark";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The live table: maps with their elements, chains and rules as listed. */
    record Nft(Map<String, LiveMap> maps, Map<String, JsonNode> chains, List<LiveRule> rules, List<String> others) {
    }

    record LiveMap(String type, String valueType, List<String> flags, Map<String, Long> elements, List<String> oddElements) {
    }

    record LiveRule(String chain, String comment, long handle, JsonNode expr) {
    }

    /** An empty namespace in which every wanted interface exists: what rules() renders commands against. */
    static LiveState emptyWith(Set<String> links) {
        return new LiveState(List.of(), List.of(), links, null, "0", 0);
    }

    static LiveState read(HostContext ctx, Target target) {
        List<IpRule> rules = new ArrayList<>();
        List<IpRoute> routes = new ArrayList<>();
        for (int family : new int[] {4, 6}) {
            for (JsonNode r : json(ctx, target.ip("-" + family, "-j", "rule", "show"))) {
                Map<String, String> fields = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getKey().equals("priority")) {
                        fields.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                    }
                }
                rules.add(new IpRule(family, r.path("priority").asInt(), fields));
            }
            for (JsonNode r : json(ctx, target.ip("-" + family, "-j", "route", "show", "table", "all"))) {
                String table = r.path("table").asText("");
                if (!table.matches("[0-9]+") || !MarkPool.ownsTable(Long.parseLong(table))) {
                    continue;
                }
                routes.add(new IpRoute(family, Integer.parseInt(table), r.hasNonNull("type") ? r.get("type").asText() : null,
                        r.path("dst").asText(), r.hasNonNull("dev") ? r.get("dev").asText() : null,
                        r.hasNonNull("gateway") ? r.get("gateway").asText() : null));
            }
        }
        Set<String> links = new HashSet<>();
        for (JsonNode l : json(ctx, target.ip("-j", "link", "show"))) {
            links.add(l.path("ifname").asText());
        }
        ExecResult nftOut = ctx.exec().run(Command.of(target.inside("nft", "-j", "list", "table", NftTable.FAMILY, NftTable.NAME)).readOnly().unchecked());
        Nft nft;
        if (nftOut.ok()) {
            nft = parseNft(parse(nftOut));
        } else if (nftOut.stderr().contains("No such file or directory")) {
            nft = null;
        } else {
            throw new BosunException(nftOut.command() + " failed (exit " + nftOut.exitCode() + "): " + nftOut.stderr().strip());
        }
        String svm = ctx.exec().run(Command.of(target.inside("sysctl", "-n", SRC_VALID_MARK)).readOnly()).stdout().strip();
        return new LiveState(rules, routes, links, nft, svm, 7);
    }

    private static JsonNode json(HostContext ctx, List<String> argv) {
        return parse(ctx.exec().run(Command.of(argv).readOnly()));
    }

    private static JsonNode parse(ExecResult r) {
        String out = r.stdout().strip();
        if (out.isEmpty()) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new BosunException("cannot parse the JSON of " + r.command() + ": " + e.getMessage(), e);
        }
    }

    static Nft parseNft(JsonNode root) {
        Map<String, LiveMap> maps = new LinkedHashMap<>();
        Map<String, JsonNode> chains = new LinkedHashMap<>();
        List<LiveRule> rules = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (JsonNode item : root.path("nftables")) {
            if (item.has("map")) {
                JsonNode m = item.get("map");
                Map<String, Long> els = new TreeMap<>();
                List<String> odd = new ArrayList<>();
                for (JsonNode e : m.path("elem")) {
                    String key = elementKey(e.path(0));
                    if (key != null && e.path(1).canConvertToLong()) {
                        els.put(key, e.path(1).asLong());
                    } else {
                        odd.add(e.toString());
                    }
                }
                List<String> flags = new ArrayList<>();
                m.path("flags").forEach(f -> flags.add(f.asText()));
                maps.put(m.path("name").asText(), new LiveMap(m.path("type").asText(), m.path("map").asText(), flags, els, odd));
            } else if (item.has("chain")) {
                chains.put(item.get("chain").path("name").asText(), item.get("chain"));
            } else if (item.has("rule")) {
                JsonNode r = item.get("rule");
                rules.add(new LiveRule(r.path("chain").asText(), r.hasNonNull("comment") ? r.get("comment").asText() : null,
                        r.path("handle").asLong(), r.path("expr")));
            } else if (item.has("set") || item.has("flowtable") || item.has("counter") || item.has("quota")
                    || item.has("ct helper") || item.has("limit")) {
                others.add(item.toString());
            }
        }
        return new Nft(maps, chains, rules, others);
    }

    /** An element key as Bosun writes peers: an address, or address/len; anything else is not Bosun's. */
    private static String elementKey(JsonNode k) {
        if (k.isTextual()) {
            return k.asText();
        }
        if (k.has("range") && k.get("range").size() == 2) {
            return k.get("range").get(0).asText() + "-" + k.get("range").get(1).asText();
        }
        if (k.has("prefix")) {
            return k.get("prefix").path("addr").asText() + "/" + k.get("prefix").path("len").asInt();
        }
        return null;
    }
}
