package dev.bosun.stdlib.marks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@code ip rule} as {@code ip -j rule} prints it: its priority and the other fields as text,
 * so a wanted rule and a live one compare field by field.
 *
 * @param family 4 or 6
 * @param fields every JSON field except {@code priority}, values as text
 */
record IpRule(int family, int priority, Map<String, String> fields) {
    IpRule {
        fields = Map.copyOf(new TreeMap<>(fields));
    }

    /** A connection's rule: its mark selects its table. */
    static IpRule forConnection(int family, Connection c) {
        return new IpRule(family, c.priority(), Map.of("src", "all", "fwmark", c.mark(), "table", Integer.toString(c.table())));
    }

    /**
     * The rp_filter-safe rule: marked packets first try the main table without its default route,
     * so replies to peers and the reverse-path check for peers' own addresses use the interface
     * they really sit behind (host-ops §3.4). The mask limits it to Bosun's marks.
     */
    static IpRule suppressDefault(int family) {
        return new IpRule(family, MarkPool.PRIORITY_BASE, Map.of("src", "all", "fwmark", MarkPool.hex(MarkPool.MARK_BASE),
                "fwmask", MarkPool.hex(MarkPool.POOL_MASK), "table", "main", "suppress_prefixlen", "0"));
    }

    String key() {
        return "ipv" + family + " priority " + priority;
    }

    /** Like {@code ip rule show} prints it. */
    String text() {
        StringBuilder sb = new StringBuilder().append(priority).append(": from ").append(fields.getOrDefault("src", "all"));
        if (fields.containsKey("srclen")) {
            sb.append('/').append(fields.get("srclen"));
        }
        if (fields.containsKey("fwmark")) {
            sb.append(" fwmark ").append(fields.get("fwmark"));
            if (fields.containsKey("fwmask")) {
                sb.append('/').append(fields.get("fwmask"));
            }
        }
        if (fields.containsKey("table")) {
            sb.append(" lookup ").append(fields.get("table"));
        }
        if (fields.containsKey("suppress_prefixlen")) {
            sb.append(" suppress_prefixlength ").append(fields.get("suppress_prefixlen"));
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!List.of("src", "srclen", "fwmark", "fwmask", "table", "suppress_prefixlen").contains(e.getKey())) {
                sb.append(' ').append(e.getKey()).append(' ').append(e.getValue());
            }
        }
        return sb.toString();
    }

    /** {@code rule add ...} as a batch line; only built for rules Bosun renders itself. */
    List<String> addArgs() {
        List<String> a = new ArrayList<>(List.of("rule", "add"));
        String mark = fields.get("fwmark");
        a.add("fwmark");
        a.add(fields.containsKey("fwmask") ? mark + "/" + fields.get("fwmask") : mark);
        a.add("table");
        a.add(fields.get("table"));
        if (fields.containsKey("suppress_prefixlen")) {
            a.add("suppress_prefixlength");
            a.add(fields.get("suppress_prefixlen"));
        }
        a.add("priority");
        a.add(Integer.toString(priority));
        return a;
    }

    /** {@code rule del priority P}: Bosun owns the whole priority, so the priority alone names it. */
    List<String> delArgs() {
        return List.of("rule", "del", "priority", Integer.toString(priority));
    }

    boolean referencesPool() {
        String mark = fields.get("fwmark");
        String table = fields.get("table");
        boolean markOwned = mark != null && MarkPool.ownsMark(Long.decode(mark));
        boolean tableOwned = table != null && table.matches("[0-9]+") && MarkPool.ownsTable(Long.parseLong(table));
        return markOwned || tableOwned;
    }
}
