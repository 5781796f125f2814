package dev.bosun.stdlib.marks;

import java.util.ArrayList;
import java.util.List;

/**
 * A route in one of Bosun's tables, reduced to what identifies and matters about it.
 *
 * @param family  4 or 6
 * @param table   table number
 * @param type    route type when not unicast ({@code unreachable}, …), else null
 * @param dst     destination ({@code default} or a prefix)
 * @param dev     device, or null
 * @param gateway gateway, or null
 */
record IpRoute(int family, int table, String type, String dst, String dev, String gateway) {

    /** A tunnel connection's route: everything in its table goes out through its interface. */
    static IpRoute defaultVia(int family, Connection c) {
        return new IpRoute(family, c.table(), null, "default", c.iface(), null);
    }

    String key() {
        return "ipv" + family + " table " + table + " " + dst;
    }

    String text() {
        return (type == null ? "" : type + " ") + dst + (gateway == null ? "" : " via " + gateway)
                + (dev == null ? "" : " dev " + dev) + " table " + table;
    }

    /**
     * True when a live route does what this wanted one asks: same destination and device. A gateway
     * added by hand ({@code default via GW dev IFACE}) is accepted: it is the reference's alternative form.
     */
    boolean satisfiedBy(IpRoute live) {
        return live.type == null && dst.equals(live.dst) && dev.equals(live.dev);
    }

    List<String> replaceArgs() {
        return List.of("route", "replace", dst, "dev", dev, "table", Integer.toString(table));
    }

    List<String> delArgs() {
        List<String> a = new ArrayList<>(List.of("route", "del"));
        if (type != null) {
            a.add(type);
        }
        a.add(dst);
        a.add("table");
        a.add(Integer.toString(table));
        if (dev != null) {
            a.add("dev");
            a.add(dev);
        }
        return a;
    }
}
