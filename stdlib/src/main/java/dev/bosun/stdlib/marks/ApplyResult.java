package dev.bosun.stdlib.marks;

import dev.bosun.api.Doc;

import java.util.List;

/**
 * What an apply did.
 *
 * @param netns    the namespace, or null for the host's
 * @param changed  false when the live state already matched
 * @param found    the drift it started from
 * @param commands the changes, one logical command each (they run batched)
 * @param executed processes run, reads included
 * @param waiting  drift apply could not repair yet (e.g. a tunnel interface that does not exist)
 * @param foreign  rules outside Bosun's range that name its marks or tables (left alone)
 */
@Doc("The drift an apply found, the commands it ran (batched) and what it could not repair yet.")
public record ApplyResult(String netns, boolean changed, List<Drift> found, List<String> commands, int executed,
                          List<Drift> waiting, List<String> foreign) {
}
