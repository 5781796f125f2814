package dev.bosun.stdlib.marks;

import dev.bosun.api.Doc;

import java.util.List;

/**
 * Live state against the records.
 *
 * @param netns      the namespace, or null for the host's
 * @param clean      true when nothing differs
 * @param missing    wanted but not live
 * @param unexpected live in Bosun's range but not wanted
 * @param different  live but not as wanted
 * @param foreign    rules outside Bosun's priority range that name its marks or tables (never touched)
 */
@Doc("Drift between records and live state, both ways, plus foreign rules that name Bosun's marks or tables.")
public record StatusResult(String netns, boolean clean, List<Drift> missing, List<Drift> unexpected, List<Drift> different,
                           List<String> foreign) {

    static StatusResult of(Target target, Reconciliation r) {
        return new StatusResult(target.netns(), r.clean(), pick(r, Drift.MISSING), pick(r, Drift.UNEXPECTED),
                pick(r, Drift.DIFFERENT), List.copyOf(r.foreign()));
    }

    private static List<Drift> pick(Reconciliation r, String change) {
        return r.drift().stream().filter(d -> d.change().equals(change)).toList();
    }
}
