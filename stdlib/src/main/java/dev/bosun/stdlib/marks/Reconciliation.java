package dev.bosun.stdlib.marks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The comparison of wanted and live state in one namespace, and the commands that close the gap.
 * Only Bosun's own things are compared and repaired: rules at priorities 10000–10256, routes in
 * tables 1000–1255, the {@code inet bosun} table and {@code src_valid_mark}. Rules elsewhere that
 * name Bosun's marks or tables are {@link #foreign() foreign}: reported, never deleted.
 *
 * <p>Repairs run in three phases so that traffic never has a mark without a route: (1) rules and
 * routes that are added or rewritten, (2) the nft batch, (3) rules and routes that go away.
 */
final class Reconciliation {
    private final List<Drift> drift = new ArrayList<>();
    private final List<String> foreign = new ArrayList<>();
    private final Map<Integer, List<List<String>>> ipFirst = new TreeMap<>();
    private final Map<Integer, List<List<String>>> ipLast = new TreeMap<>();
    private final List<String> nftStatements = new ArrayList<>();
    private String nftScript;
    private boolean setSrcValidMark;

    static Reconciliation compare(DesiredState want, LiveState live) {
        Reconciliation r = new Reconciliation();
        r.compareRules(want, live);
        r.compareRoutes(want, live);
        r.compareNft(want, live);
        if (want.srcValidMark() != null && !want.srcValidMark().equals(live.srcValidMark())) {
            r.drift.add(Drift.different("sysctl", LiveState.SRC_VALID_MARK, want.srcValidMark(), live.srcValidMark()));
            r.setSrcValidMark = true;
        }
        return r;
    }

    List<Drift> drift() {
        return drift;
    }

    List<String> foreign() {
        return foreign;
    }

    /** Batch lines for {@code ip -batch -} of one family, phase 1 (adds) or 3 (removals). */
    Map<Integer, List<List<String>>> ipFirst() {
        return ipFirst;
    }

    Map<Integer, List<List<String>>> ipLast() {
        return ipLast;
    }

    /** The nft batch, or null when the table is as wanted. */
    String nftScript() {
        return nftScript;
    }

    /**
     * The batch in statements, each a complete {@code nft -f} input ending in a newline: run one by one they
     * reach the same state as the batch, which does it in one transaction. Their concatenation is the batch.
     */
    List<String> nftStatements() {
        return nftStatements;
    }

    boolean setSrcValidMark() {
        return setSrcValidMark;
    }

    boolean clean() {
        return drift.isEmpty();
    }

    private void compareRules(DesiredState want, LiveState live) {
        Map<String, List<IpRule>> owned = new LinkedHashMap<>();
        for (IpRule rule : live.rules()) {
            if (MarkPool.ownsPriority(rule.priority())) {
                owned.computeIfAbsent(rule.key(), k -> new ArrayList<>()).add(rule);
            } else if (rule.referencesPool()) {
                foreign.add("ipv" + rule.family() + " rule " + rule.text());
            }
        }
        for (IpRule w : want.rules()) {
            List<IpRule> have = owned.remove(w.key());
            if (have == null) {
                drift.add(Drift.missing("rule", w.key(), w.text()));
                first(w.family()).add(w.addArgs());
                continue;
            }
            boolean matches = have.getFirst().fields().equals(w.fields());
            if (matches && have.size() == 1) {
                continue;
            }
            if (matches) {
                have.subList(1, have.size()).forEach(h -> drift.add(Drift.unexpected("rule", h.key(), h.text())));
            } else {
                drift.add(Drift.different("rule", w.key(), w.text(), have.getFirst().text()));
                have.subList(1, have.size()).forEach(h -> drift.add(Drift.unexpected("rule", h.key(), h.text())));
            }
            // "rule del priority P" removes one rule of that priority; remove them all, then add ours.
            have.forEach(h -> first(w.family()).add(h.delArgs()));
            first(w.family()).add(w.addArgs());
        }
        for (List<IpRule> extra : owned.values()) {
            for (IpRule h : extra) {
                drift.add(Drift.unexpected("rule", h.key(), h.text()));
                last(h.family()).add(h.delArgs());
            }
        }
    }

    private void compareRoutes(DesiredState want, LiveState live) {
        Map<String, List<IpRoute>> have = new LinkedHashMap<>();
        for (IpRoute route : live.routes()) {
            have.computeIfAbsent(route.key(), k -> new ArrayList<>()).add(route);
        }
        for (IpRoute w : want.routes()) {
            List<IpRoute> found = have.remove(w.key());
            String blocked = live.links().contains(w.dev()) ? null
                    : "interface " + w.dev() + " does not exist; apply adds the route once it does";
            if (found == null) {
                Drift d = Drift.missing("route", w.key(), w.text());
                drift.add(blocked == null ? d : d.withNote(blocked));
                if (blocked == null) {
                    List<String> add = new ArrayList<>(w.replaceArgs());
                    add.set(1, "add");
                    first(w.family()).add(add);
                }
                continue;
            }
            IpRoute ok = found.stream().filter(w::satisfiedBy).findFirst().orElse(null);
            if (ok == null) {
                Drift d = Drift.different("route", w.key(), w.text(), found.getFirst().text());
                drift.add(blocked == null ? d : d.withNote(blocked));
                if (blocked == null) {
                    first(w.family()).add(w.replaceArgs());
                    found.subList(1, found.size()).forEach(f -> unexpectedRoute(f));
                }
            } else {
                found.stream().filter(f -> f != ok).forEach(this::unexpectedRoute);
            }
        }
        have.values().forEach(list -> list.forEach(this::unexpectedRoute));
    }

    private void unexpectedRoute(IpRoute r) {
        drift.add(Drift.unexpected("route", r.key(), r.text()));
        last(r.family()).add(r.delArgs());
    }

    private void compareNft(DesiredState want, LiveState live) {
        NftTable w = want.nft();
        LiveState.Nft have = live.nft();
        if (w == null) {
            if (have != null) {
                drift.add(Drift.unexpected("nft", "table " + NftTable.TABLE, "present, no connections recorded"));
                nftScript = NftTable.deleteScript();
                nftStatements.add(nftScript);
            }
            return;
        }
        if (have == null) {
            int count = w.elements().values().stream().mapToInt(Map::size).sum();
            drift.add(Drift.missing("nft", "table " + NftTable.TABLE, NftTable.MAPS.size() + " maps, "
                    + NftTable.RULES.size() + " rules, " + count + " peer elements"));
            nftStatements.addAll(w.statements());
            nftScript = String.join("", nftStatements);
            return;
        }
        int before = drift.size();
        compareSkeleton(have);
        boolean skeletonOk = drift.size() == before;
        StringBuilder elementScript = new StringBuilder();
        for (NftTable.MapSpec spec : NftTable.MAPS) {
            LiveState.LiveMap lm = have.maps().get(spec.name());
            if (lm == null) {
                continue;
            }
            Map<String, Long> wanted = w.elements().get(spec.name());
            Set<String> remove = new TreeSet<>();
            Map<String, Long> add = new TreeMap<>();
            for (Map.Entry<String, Long> e : wanted.entrySet()) {
                Long now = lm.elements().get(e.getKey());
                if (now == null) {
                    drift.add(Drift.missing("nft", spec.name() + " " + e.getKey(), NftTable.value(spec.name(), e.getValue())));
                    add.put(e.getKey(), e.getValue());
                } else if (!now.equals(e.getValue())) {
                    drift.add(Drift.different("nft", spec.name() + " " + e.getKey(), NftTable.value(spec.name(), e.getValue()),
                            NftTable.value(spec.name(), now)));
                    remove.add(e.getKey());
                    add.put(e.getKey(), e.getValue());
                }
            }
            for (Map.Entry<String, Long> e : lm.elements().entrySet()) {
                if (!wanted.containsKey(e.getKey())) {
                    drift.add(Drift.unexpected("nft", spec.name() + " " + e.getKey(), NftTable.value(spec.name(), e.getValue())));
                    remove.add(e.getKey());
                }
            }
            for (String odd : lm.oddElements()) {
                drift.add(Drift.unexpected("nft", spec.name() + " element", odd));
                skeletonOk = false;
            }
            if (!remove.isEmpty()) {
                String s = NftTable.deleteElements(spec.name(), remove);
                elementScript.append(s);
                nftStatements.add(s);
            }
            if (!add.isEmpty()) {
                String s = NftTable.addElements(spec.name(), add);
                elementScript.append(s);
                nftStatements.add(s);
            }
        }
        if (!skeletonOk) {
            // Someone changed the table itself: rebuild it whole, atomically, rather than patch a shape we do not know.
            nftScript = w.replaceScript();
            nftStatements.clear();
            nftStatements.add(nftScript);
        } else if (!elementScript.isEmpty()) {
            nftScript = elementScript.toString();
        }
    }

    private void compareSkeleton(LiveState.Nft have) {
        for (NftTable.MapSpec spec : NftTable.MAPS) {
            LiveState.LiveMap lm = have.maps().get(spec.name());
            String want = spec.keyType() + " : " + spec.valueType() + " flags interval";
            if (lm == null) {
                drift.add(Drift.missing("nft", "map " + spec.name(), want));
            } else {
                String is = lm.type() + " : " + lm.valueType() + (lm.flags().isEmpty() ? "" : " flags " + String.join(",", lm.flags()));
                if (!is.equals(want)) {
                    drift.add(Drift.different("nft", "map " + spec.name(), want, is));
                }
            }
        }
        for (String name : have.maps().keySet()) {
            if (NftTable.MAPS.stream().noneMatch(m -> m.name().equals(name))) {
                drift.add(Drift.unexpected("nft", "map " + name, "not Bosun's"));
            }
        }
        have.others().forEach(o -> drift.add(Drift.unexpected("nft", "object", o)));
        for (NftTable.ChainSpec spec : NftTable.CHAINS) {
            JsonNode c = have.chains().get(spec.name());
            String want = spec.type() + " hook " + spec.hook() + " priority " + spec.prio() + " policy accept";
            if (c == null) {
                drift.add(Drift.missing("nft", "chain " + spec.name(), want));
            } else {
                String is = c.path("type").asText() + " hook " + c.path("hook").asText() + " priority "
                        + c.path("prio").asText() + " policy " + c.path("policy").asText();
                if (!is.equals(want)) {
                    drift.add(Drift.different("nft", "chain " + spec.name(), want, is));
                }
            }
        }
        for (String name : have.chains().keySet()) {
            if (NftTable.CHAINS.stream().noneMatch(c -> c.name().equals(name))) {
                drift.add(Drift.unexpected("nft", "chain " + name, "not Bosun's"));
            }
        }
        for (NftTable.ChainSpec chain : NftTable.CHAINS) {
            List<NftTable.RuleSpec> wanted = NftTable.RULES.stream().filter(r -> r.chain().equals(chain.name())).toList();
            List<LiveState.LiveRule> live = have.rules().stream().filter(r -> r.chain().equals(chain.name())).toList();
            List<String> liveOrder = new ArrayList<>();
            for (LiveState.LiveRule lr : live) {
                NftTable.RuleSpec spec = wanted.stream().filter(s -> s.comment().equals(lr.comment())).findFirst().orElse(null);
                if (spec == null || liveOrder.contains(spec.comment())) {
                    drift.add(Drift.unexpected("nft", "rule in " + chain.name() + " (handle " + lr.handle() + ")",
                            (lr.comment() == null ? "" : "comment \"" + lr.comment() + "\" ") + lr.expr()));
                    continue;
                }
                liveOrder.add(spec.comment());
                if (!NftTable.expr(spec).equals(lr.expr())) {
                    drift.add(Drift.different("nft", "rule \"" + spec.comment() + "\"", spec.text(), lr.expr().toString()));
                }
            }
            List<String> wantOrder = wanted.stream().map(NftTable.RuleSpec::comment).toList();
            for (String c : wantOrder) {
                if (!liveOrder.contains(c)) {
                    NftTable.RuleSpec spec = wanted.stream().filter(s -> s.comment().equals(c)).findFirst().orElseThrow();
                    drift.add(Drift.missing("nft", "rule \"" + c + "\"", spec.text()));
                }
            }
            if (liveOrder.size() == wantOrder.size() && !Objects.equals(liveOrder, wantOrder)) {
                drift.add(Drift.different("nft", "rule order in " + chain.name(), String.join(", ", wantOrder), String.join(", ", liveOrder)));
            }
        }
    }

    private List<List<String>> first(int family) {
        return ipFirst.computeIfAbsent(family, f -> new ArrayList<>());
    }

    private List<List<String>> last(int family) {
        return ipLast.computeIfAbsent(family, f -> new ArrayList<>());
    }
}
