package dev.bosun.stdlib.marks;

import dev.bosun.api.Doc;

import java.util.List;

/**
 * What a release did.
 *
 * @param connection      the released connection as it was
 * @param unassignedPeers peers that were assigned to it and are now unassigned
 * @param wasAppliedIn    namespaces ("" = host) where it was live; run marks.apply there to remove its rules
 * @param changed         true when something was released
 */
@Doc("The released connection, the peers it had and where it was still applied.")
public record ReleaseResult(Connection connection, List<String> unassignedPeers, List<String> wasAppliedIn, boolean changed) {
}
