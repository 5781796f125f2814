package dev.bosun.stdlib.subids;

import dev.bosun.api.Doc;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * UIDMap/GIDMap lines for a Quadlet container, in quadletman's form (reference: quadletman §4): container 0
 * is the rootless user itself, container N (1..65535) is namespace ID N+1, i.e. host ID {@code subuid_start + N},
 * so each listed container ID gets its own line and can be owned by a helper user of exactly that host ID.
 * Values are in rootless-namespace coordinates, as Podman expects.
 */
@Doc("UIDMap=/GIDMap= values covering all 65536 container IDs")
public record IdMap(
        @Doc("login name") String user,
        @Doc("UIDMap values container:namespace:count") List<String> uidMap,
        @Doc("GIDMap values container:namespace:count") List<String> gidMap,
        @Doc("the lines for the [Container] section: UIDMap=... then GIDMap=...") List<String> quadlet) {

    static IdMap of(String user, SortedSet<Integer> uids, SortedSet<Integer> gids) {
        List<String> u = entries(uids);
        List<String> g = entries(gids);
        List<String> q = new ArrayList<>();
        u.forEach(e -> q.add("UIDMap=" + e));
        g.forEach(e -> q.add("GIDMap=" + e));
        return new IdMap(user, u, g, q);
    }

    /** quadletman's {@code _resolve_id_maps}: 0 always explicit, gaps filled, everything shifted by one. */
    static List<String> entries(SortedSet<Integer> ids) {
        List<String> out = new ArrayList<>();
        int prev = 0;
        for (int c : withZero(ids)) {
            if (c > prev) {
                out.add(prev + ":" + (prev + 1) + ":" + (c - prev));
            }
            out.add(c == 0 ? "0:0:1" : c + ":" + (c + 1) + ":1");
            prev = c + 1;
        }
        if (prev < IdMapRequest.SIZE) {
            out.add(prev + ":" + (prev + 1) + ":" + (IdMapRequest.SIZE - prev));
        }
        return out;
    }

    private static SortedSet<Integer> withZero(SortedSet<Integer> ids) {
        SortedSet<Integer> s = new java.util.TreeSet<>(ids);
        s.add(0);
        return s;
    }
}
