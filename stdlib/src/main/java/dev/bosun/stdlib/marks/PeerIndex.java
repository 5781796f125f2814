package dev.bosun.stdlib.marks;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * The assigned peers as one transaction sees them, by address range, so that a call assigning thousands of
 * peers checks each against all the others in O(log n) instead of re-reading and re-parsing every assigned
 * peer per peer. Assigned networks never overlap (assigning refuses an overlap), so the only range that can
 * overlap {@code [first, last]} is the one starting last at or before {@code last}.
 */
final class PeerIndex {
    /** An assigned peer, its connection's id and its last address. */
    record Held(PeerAddress peer, String connectionId, BigInteger last) {
    }

    private final Map<Integer, TreeMap<BigInteger, Held>> byFamily = Map.of(4, new TreeMap<>(), 6, new TreeMap<>());

    void add(PeerAddress peer, String connectionId) {
        byFamily.get(peer.family()).put(peer.first(), new Held(peer, connectionId, peer.last()));
    }

    /** The assigned peer that is {@code peer} or overlaps it, or null. */
    Held overlapping(PeerAddress peer) {
        Map.Entry<BigInteger, Held> e = byFamily.get(peer.family()).floorEntry(peer.last());
        return e != null && e.getValue().last().compareTo(peer.first()) >= 0 ? e.getValue() : null;
    }
}
