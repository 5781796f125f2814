package dev.bosun.api;

import java.util.List;

/**
 * The changes of a session, in order. The effect layer records file writes, deletions and mutating
 * commands by itself; modules record state changes and notes that the layer cannot see.
 */
public interface Plan {
    /** Adds a change; recorded before it is applied. */
    void record(Change change);

    /** All changes so far. */
    List<Change> changes();

    /** Number of changes so far; compare before and after a call to tell whether it changed anything. */
    default int size() {
        return changes().size();
    }
}
